package io.retailhub.process.returns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
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
 * created after the cancel (the two raced) is canceled too.
 */
@ReturnsIntegrationTest
class ReturnRmaCancellationIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ProcessApi api;

	final ErpEffects erp = HubSandbox.backendBean(ErpEffects.class);

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
		return RestClient.create()
			.get()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/return-authorizations/{id}", rma)
			.retrieve()
			.body(JsonNode.class)
			.path("status")
			.asString();
	}
}
