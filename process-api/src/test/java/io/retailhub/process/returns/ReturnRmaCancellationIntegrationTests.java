package io.retailhub.process.returns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HeldRequests;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A canceled or expired return cancels its RMA in ERP ({@code return.cancel-rma}): the items are
 * rejected once, the warehouse then refuses the parcel, an ERP outage only delays it, and an RMA
 * created after the cancel (the two raced) is canceled too. ERP's other answers: 409 (the warehouse
 * received the parcel first: the RMA stays open, the return requires action), 404 (ERP does not
 * know the RMA) and any other refusal (the step fails, for a person to close the RMA).
 */
@ReturnsIntegrationTest
class ReturnRmaCancellationIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ProcessApi api;

	@Autowired
	ReturnCaseRepository returns;

	@Autowired
	PlatformTransactionManager transactionManager;

	final ErpEffects erp = HubSandbox.backendBean(ErpEffects.class);

	StoredReturns storedReturns;

	@BeforeEach
	void storedReturns() {
		storedReturns = new StoredReturns(returns, transactionManager);
	}

	@Test
	void cancelingAReturnRejectsItsRmaInErpOnce() {
		// given an authorized return
		Authorized ret = authorizedReturn();

		// when the customer cancels it
		ResponseEntity<JsonNode> canceled = api.cancel(ret.id());

		// then the return is canceled at once, and its RMA is rejected in ERP by one write
		assertThat(canceled.getBody().path("status").asString()).isEqualTo("CANCELED");
		awaitStep(ret.id(), "DONE");
		assertThat(rmaStatus(ret.rma())).isEqualTo("REJECTED");
		assertThat(erp.changesOf(ret.rma())).isEqualTo(1);
		assertThat(timeline(ret.id(), "return.rma-canceled")).hasSize(1);

		// and the warehouse takes no parcel for it any more
		assertThatThrownBy(() -> HubSandbox.receiveParcel(ret.rma())).isInstanceOfSatisfying(
				HttpClientErrorException.class, ex -> assertThat(ex.getStatusCode().value()).isEqualTo(409));
		assertThat(api.cancel(ret.id()).getStatusCode().value()).as("canceling twice is harmless").isEqualTo(200);
		assertThat(erp.changesOf(ret.rma())).isEqualTo(1);
	}

	@Test
	void expiringAReturnRejectsItsRmaInErpOnce() {
		// given an authorized return that is never shipped
		Authorized ret = authorizedReturn();

		// when its time runs out
		awaitReturn(ret.id(), r -> r.path("status").asString().equals("EXPIRED"));

		// then its RMA is rejected in ERP, once, as expired
		awaitStep(ret.id(), "DONE");
		assertThat(rmaStatus(ret.rma())).isEqualTo("REJECTED");
		assertThat(erp.changesOf(ret.rma())).isEqualTo(1);
		assertThat(timeline(ret.id(), "return.rma-canceled")).hasSize(1);
	}

	@Test
	void cancelsTheRmaOnceErpIsBackAfterAnOutage() {
		// given an authorized return, and ERP down
		Authorized ret = authorizedReturn();
		HubSandbox.outage(Backend.ERP);

		// when the customer cancels it
		ResponseEntity<JsonNode> canceled = api.cancel(ret.id());

		// then the return is canceled at once while the RMA's cancellation waits for ERP
		assertThat(canceled.getStatusCode().value()).isEqualTo(200);
		assertThat(canceled.getBody().path("status").asString()).isEqualTo("CANCELED");
		JsonNode parked = awaitStep(ret.id(), "PARKED");
		assertThat(parked.path("parkedReason").asString()).contains("erp");
		assertThat(erp.changesOf(ret.rma())).isZero();

		// and once ERP is back, the RMA is rejected, once
		HubSandbox.heal();
		awaitStep(ret.id(), "DONE");
		assertThat(rmaStatus(ret.rma())).isEqualTo("REJECTED");
		assertThat(erp.changesOf(ret.rma())).isEqualTo(1);
	}

	@Test
	void cancelsAnRmaThatErpCreatedAfterTheReturnWasCanceled() {
		// given a slow ERP, and a return whose RMA is being created
		HubSandbox.backendBean(Faults.class).inject(Backend.ERP, new Fault(500, 0, 503, false, null));
		String id = requestReturn();
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> step(id, "return.evaluate"), s -> s != null && s.path("status").asString().equals("DONE"));

		// when the customer cancels it before the RMA is there
		ResponseEntity<JsonNode> canceled = api.cancel(id);
		assertThat(canceled.getBody().path("status").asString()).isEqualTo("CANCELED");
		assertThat(canceled.getBody().path("rmaNumber").isNull() || canceled.getBody().path("rmaNumber").isMissingNode())
			.as("canceled before the RMA existed: %s", canceled.getBody())
			.isTrue();

		// then the RMA ERP created afterwards is recorded on the return and rejected in ERP
		awaitStep(id, "DONE");
		String rma = api.returnOf(id).path("rmaNumber").asString();
		assertThat(rma).isNotBlank();
		assertThat(rmaStatus(rma)).isEqualTo("REJECTED");
		assertThat(erp.changesOf(rma)).isEqualTo(1);
		assertThat(api.returnOf(id).path("status").asString()).isEqualTo("CANCELED");
		assertThat(timeline(id, "return.rma-cancel-scheduled")).as("the RMA arrived after the cancel").hasSize(1);
	}

	@Test
	void leavesTheRmaOpenWhenTheWarehouseReceivedTheParcelBeforeItWasCanceled() {
		// given an authorized return the customer cancels, with ERP holding the rejection of the RMA's items
		Authorized ret = authorizedReturn();
		HeldRequests.Hold rejection = HubSandbox.held()
			.holdRequests(Backend.ERP, "POST", t -> t.contains("API_CUSTOMER_RETURN_SRV") && t.contains(ret.rma()));
		assertThat(api.cancel(ret.id()).getBody().path("status").asString()).isEqualTo("CANCELED");
		rejection.awaitHeld(1);

		// when the warehouse receives the parcel meanwhile, and its receipt reaches the hub through the webhook
		HubSandbox.receiveParcel(ret.rma());

		// then the canceled return requires action: a parcel is in the warehouse, and nothing is refunded
		JsonNode requiresAction = awaitReturn(ret.id(), r -> r.path("status").asString().equals("REQUIRES_ACTION"));
		assertThat(requiresAction.path("actionFromStatus").asString()).isEqualTo("CANCELED");
		assertThat(timeline(ret.id(), "return.requires-action")).singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("CANCELED"));
		assertThat(api.workflow(ret.id()).path("refundId").isNull()).isTrue();

		// when ERP gets to the rejection, then it refuses it (the items are received): the system API answers 409,
		// the step is done, the RMA stays open and nothing of it was rejected
		rejection.releaseAndAwaitServed();
		awaitStep(ret.id(), "DONE");
		assertThat(timeline(ret.id(), "return.rma-cancel-skipped")).singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("warehouse received"));
		assertThat(timeline(ret.id(), "return.rma-canceled")).isEmpty();
		assertThat(rmaStatus(ret.rma())).isNotEqualTo("REJECTED");
		assertThat(erp.changesOf(ret.rma())).isZero();
	}

	@Test
	void skipsAnRmaErpDoesNotKnow() {
		// given an authorized return whose RMA ERP has never issued
		ReturnCase stored = storedReturns.authorized(DemoOrders.freshReturnable(), StoredReturns.unknownRma());

		// when the customer cancels it
		assertThat(api.cancel(stored.id()).getBody().path("status").asString()).isEqualTo("CANCELED");

		// then canceling the RMA answers 404, and the step is done with the reason in the timeline
		awaitStep(stored.id().toString(), "DONE");
		assertThat(timeline(stored.id().toString(), "return.rma-cancel-skipped")).singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("does not know the RMA"));
		assertThat(timeline(stored.id().toString(), "return.rma-canceled")).isEmpty();
	}

	@Test
	void failsVisiblyWhenErpRefusesToCancelTheRma() {
		// given an authorized return, and an ERP that refuses every request (400)
		Authorized ret = authorizedReturn();
		HubSandbox.backendBean(Faults.class).inject(Backend.ERP, new Fault(0, 0, 400, true, null));

		// when the customer cancels it
		assertThat(api.cancel(ret.id()).getBody().path("status").asString()).isEqualTo("CANCELED");

		// then the step fails at once, and the timeline tells a person to close the RMA in ERP
		JsonNode failed = awaitStep(ret.id(), "FAILED");
		assertThat(failed.path("attempts").asInt()).isEqualTo(1);
		assertThat(timeline(ret.id(), "return.rma-cancel-failed")).singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("a person must close it in ERP"));
		assertThat(erp.changesOf(ret.rma())).isZero();
		assertThat(api.returnOf(ret.id()).path("status").asString()).isEqualTo("CANCELED");
	}

	private record Authorized(String id, String rma) {
	}

	/** Requests the return of one unit of a line of two, of an order no other test touches; answers its ID. */
	private String requestReturn() {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().stream().filter(l -> l.quantity() >= 2).findFirst().orElseThrow();
		ResponseEntity<JsonNode> created = api.requestReturn(newKey(), order.orderNumber(), "STORE",
				line(line.itemNumber(), 1, "UNWANTED"));
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		return created.getBody().path("id").asString();
	}

	private Authorized authorizedReturn() {
		String id = requestReturn();
		JsonNode authorized = awaitReturn(id, r -> r.path("status").asString().equals("AUTHORIZED"));
		return new Authorized(id, authorized.path("rmaNumber").asString());
	}

	private JsonNode awaitReturn(String id, Predicate<JsonNode> condition) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> api.returnOf(id), condition);
	}

	/** Waits until {@code return.cancel-rma} of the return has the status; answers the step. */
	private JsonNode awaitStep(String id, String status) {
		return await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> step(id, "return.cancel-rma"), s -> s != null && s.path("status").asString().equals(status));
	}

	private JsonNode step(String id, String name) {
		for (JsonNode step : api.workflow(UUID.fromString(id)).path("steps")) {
			if (step.path("step").asString().equals(name)) {
				return step;
			}
		}
		return null;
	}

	private List<JsonNode> timeline(String id, String kind) {
		List<JsonNode> entries = new ArrayList<>();
		api.workflow(id).path("timeline").forEach(t -> {
			if (t.path("kind").asString().equals(kind)) {
				entries.add(t);
			}
		});
		return entries;
	}

	/** The RMA's status as the system API reads it from ERP. */
	private static String rmaStatus(String rma) {
		return HubSandbox.withServiceToken().build()
			.get()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/return-authorizations/{id}", rma)
			.retrieve()
			.body(JsonNode.class)
			.path("status")
			.asString();
	}
}
