package io.retailhub.process.returns;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A parcel the warehouse receives for a return that has ended (expired, canceled, declined) is
 * never refunded: the return requires action, and a person sends it back where it was with
 * {@code POST /returns/{id}/resume}. The receipts come on Kafka as the system API publishes them,
 * from a warehouse that does not check whether the RMA is still open. (A parcel for a canceled
 * return through the real webhook: {@code ReturnRmaCancellationIntegrationTests}.)
 */
@ReturnsIntegrationTest
class ReceiptForAnEndedReturnIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Autowired
	ReturnCaseRepository returns;

	@Autowired
	PlatformTransactionManager transactionManager;

	StoredReturns storedReturns;

	@BeforeEach
	void storedReturns() {
		storedReturns = new StoredReturns(returns, transactionManager);
	}

	@Test
	void aParcelForAnExpiredReturnMakesItRequireActionAndRefundsNothing() {
		// given an authorized return that expired
		Authorized ret = authorizedReturn();
		awaitReturn(ret.id(), r -> r.path("status").asString().equals("EXPIRED"));

		// when a parcel for it is received after all
		receiveEverything(ret);

		// then a person must decide, and nothing is refunded
		JsonNode requiresAction = awaitReturn(ret.id(), r -> r.path("status").asString().equals("REQUIRES_ACTION"));
		assertRequiresActionFrom(requiresAction, "EXPIRED");
	}

	@Test
	void aParcelForACanceledReturnMakesItRequireActionAndRefundsNothing() {
		// given an authorized return the customer canceled
		Authorized ret = authorizedReturn();
		assertThat(api.cancel(ret.id()).getBody().path("status").asString()).isEqualTo("CANCELED");

		// when a parcel for it is received after all
		receiveEverything(ret);

		// then a person must decide, and nothing is refunded
		JsonNode requiresAction = awaitReturn(ret.id(), r -> r.path("status").asString().equals("REQUIRES_ACTION"));
		assertRequiresActionFrom(requiresAction, "CANCELED");
	}

	@Test
	void aParcelForADeclinedReturnMakesItRequireActionAndRefundsNothing() {
		// given a declined return that carries an RMA (the workflow never gives one to a declined
		// return: stored as such, to prove the receipt's guard on its own)
		DemoOrder order = DemoOrders.freshReturnable();
		String rma = StoredReturns.unknownRma();
		ReturnCase declined = storedReturns.declinedWithRma(order, rma);
		DemoOrderLine line = order.lines().get(0);

		// when a parcel for that RMA is received
		warehouse.publish(order.orderNumber(), rma, 1, List.of(WarehouseReceipts.Line.allGood(line.itemNumber(),
				line.sku(), 1)));

		// then a person must decide, and nothing is refunded
		JsonNode requiresAction = awaitReturn(declined.id().toString(),
				r -> r.path("status").asString().equals("REQUIRES_ACTION"));
		assertRequiresActionFrom(requiresAction, "DECLINED");
	}

	@Test
	void resumeSendsAReturnThatRequiredActionBackWhereItWas() {
		// given a canceled return that requires action because a parcel came for it
		Authorized ret = authorizedReturn();
		api.cancel(ret.id());
		receiveEverything(ret);
		awaitReturn(ret.id(), r -> r.path("status").asString().equals("REQUIRES_ACTION"));

		// when a person sends it back over HTTP
		ResponseEntity<JsonNode> resumed = api.resume(ret.id());

		// then it is canceled again, closed, with nothing left of the action
		assertThat(resumed.getStatusCode().value()).isEqualTo(200);
		assertThat(resumed.getBody().path("status").asString()).isEqualTo("CANCELED");
		assertThat(resumed.getBody().path("actionFromStatus").isNull()).isTrue();
		assertThat(resumed.getBody().path("actionReason").isNull()).isTrue();
		assertThat(resumed.getBody().path("closedAt").isNull()).isFalse();
		assertThat(api.returnOf(ret.id()).path("status").asString()).isEqualTo("CANCELED");
		assertThat(api.workflow(ret.id()).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("return.resumed"))
			.singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("CANCELED"));

		// and resuming a return that does not wait for a person is a conflict, an unknown one not found
		ResponseEntity<JsonNode> again = api.resume(ret.id());
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody().path("type").asString()).isEqualTo(ProblemType.CONFLICT.uri().toString());
		ResponseEntity<JsonNode> unknown = api.resume(UUID.randomUUID());
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody().path("type").asString()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
	}

	private void assertRequiresActionFrom(JsonNode ret, String status) {
		String id = ret.path("id").asString();
		assertThat(ret.path("actionFromStatus").asString()).isEqualTo(status);
		assertThat(ret.path("actionReason").asString()).contains("warehouse received a parcel").contains(status);
		JsonNode workflow = api.workflow(id);
		assertThat(workflow.path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("return.requires-action"))
			.singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains(status));
		assertThat(workflow.path("refundId").isNull()).as("no refund: %s", workflow).isTrue();
		assertThat(workflow.path("steps"))
			.noneSatisfy(s -> assertThat(s.path("step").asString()).startsWith("return.inspect"));
		assertThat(ret.path("lines").get(0).path("quantityReceived").asInt()).isZero();
	}

	private record Authorized(String id, String rma, DemoOrder order, DemoOrderLine line) {
	}

	private Authorized authorizedReturn() {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		ResponseEntity<JsonNode> created = api.requestReturn(newKey(), order.orderNumber(), "PORTAL",
				line(line.itemNumber(), 1, "UNWANTED"));
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		String id = created.getBody().path("id").asString();
		String rma = awaitReturn(id, r -> r.path("status").asString().equals("AUTHORIZED")).path("rmaNumber").asString();
		return new Authorized(id, rma, order, line);
	}

	private void receiveEverything(Authorized ret) {
		warehouse.publish(ret.order().orderNumber(), ret.rma(), 1,
				List.of(WarehouseReceipts.Line.allGood(ret.line().itemNumber(), ret.line().sku(), 1)));
	}

	private JsonNode awaitReturn(String id, Predicate<JsonNode> condition) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> api.returnOf(id), condition);
	}
}
