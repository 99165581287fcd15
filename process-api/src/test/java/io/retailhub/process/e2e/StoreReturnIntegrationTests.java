package io.retailhub.process.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.drills.ReturnEffects;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In-store returns of online orders, against the real pieces: the parcel is booked at the store's
 * location in the sandbox WMS through the system API, comes back by the WMS's signed webhook and
 * Kafka, is inspected as the staff recorded, and is refunded to the original payment once (with one
 * credit memo), even when payment is down meanwhile.
 */
@ReturnsIntegrationTest
class StoreReturnIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final String STORE = "STORE-NYC";

	private static final String STAFF = "store:store.nyc@STORE-NYC";

	@Autowired
	ProcessApi api;

	@Test
	void receivesTheParcelAtTheStoreAtOnceAndRefundsAsTheStaffInspectedIt() {
		// given an online order and a customer at the store's counter with two of its lines: one to
		// restock, one damaged in use
		DemoOrder order = twoLineOrder();
		DemoOrderLine good = order.lines().get(0);
		DemoOrderLine broken = order.lines().get(1);
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());

		// when the staff take the return
		ResponseEntity<JsonNode> created = requestAtStore(newKey(), order, STORE,
				storeLine(good, "SIZE_TOO_SMALL", "NEW", "RESTOCK"), storeLine(broken, "DEFECTIVE", "DAMAGED", "DAMAGED"));

		// then it is an in-store return by the staff member, and it closes without anyone shipping anything
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getHeaders().getLocation().getPath()).startsWith("/api/process/v1/returns/");
		String id = created.getBody().path("id").asString();
		assertThat(created.getBody().path("channel").asString()).isEqualTo("STORE");
		assertThat(created.getBody().path("storeId").asString()).isEqualTo(STORE);
		assertThat(created.getBody().path("requestedBy").asString()).isEqualTo(STAFF);
		JsonNode closed = await().atMost(PATIENCE)
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));
		assertThat(closed.path("lines").get(0).path("disposition").asString()).isEqualTo("RESTOCK");
		assertThat(closed.path("lines").get(0).path("condition").asString()).isEqualTo("NEW");
		assertThat(closed.path("lines").get(1).path("disposition").asString()).isEqualTo("DAMAGED");
		assertThat(closed.path("lines").get(1).path("quantityDamaged").asInt()).isEqualTo(1);
		assertThat(closed.path("lines")).allSatisfy(l -> assertThat(l.path("quantityAccepted").asInt()).isEqualTo(1));
		// the receipt was booked at the store by the WMS, and came in through the one receipt path
		JsonNode receipts = systemApi("/api/system/v1/return-receipts?rmaNumber={rma}", closed.path("rmaNumber").asString());
		assertThat(receipts).hasSize(1);
		assertThat(receipts.get(0).path("warehouseId").asString()).isEqualTo(STORE);
		assertThat(api.workflow(id).path("timeline").valueStream().map(t -> t.path("kind").asString()))
			.containsSubsequence("return.authorized", "return.received", "return.inspected")
			.contains("return.booked-at-store")
			.containsOnlyOnce("return.received");
		// nothing was shipped back, so no return shipping fee is taken off
		assertThat(closed.path("returnShippingFee").path("amount").decimalValue()).isZero();
		assertThat(api.workflow(id).path("steps").valueStream().map(s -> s.path("step").asString()))
			.doesNotContain("return.expire");
		// one refund to the original payment, one credit memo, one case (from the store)
		ReturnEffects.of(api, id, order.paymentIntentId()).assertExactlyOnce(refundsBefore);
		JsonNode crmCase = systemApi("/api/system/v1/cases/{id}", closed.path("caseId").asString());
		assertThat(crmCase.path("description").asString()).contains("at " + STORE).contains("store.nyc@STORE-NYC");
	}

	@Test
	void refusesWhatTheStaffRefusedAndRefundsNothingForIt() {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);

		String id = requestAtStore(newKey(), order, STORE, storeLine(line, "NOT_AS_DESCRIBED", "USED", "REFUSE"))
			.getBody()
			.path("id")
			.asString();

		JsonNode closed = await().atMost(PATIENCE)
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));
		assertThat(closed.path("lines").get(0).path("disposition").asString()).isEqualTo("REFUSE");
		assertThat(closed.path("lines").get(0).path("quantityAccepted").asInt()).isZero();
		assertThat(closed.path("refundAmount").path("amount").decimalValue()).isZero();
		assertThat(api.get("/refunds?returnId={id}", id).getBody()).isEmpty();
	}

	@Test
	void parksTheRefundWhilePaymentIsDownAndFinishesWithOneRefund() {
		// given payment down when the customer hands the parcel over
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		HubSandbox.outage(Backend.PAYMENT);

		String id = requestAtStore(newKey(), order, STORE, storeLine(line, "UNWANTED", "OPENED", "RESTOCK"))
			.getBody()
			.path("id")
			.asString();

		// then the refund parks, queued
		await().atMost(PATIENCE).until(() -> api.workflow(id), w -> w.path("refundStatus").asString().equals("QUEUED"));
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore);

		// when payment is back, the return finishes by itself with one refund and one credit memo
		HubSandbox.heal();
		await().atMost(PATIENCE).until(() -> api.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));
		ReturnEffects.of(api, id, order.paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	@Test
	void refusesALocationThatIsNoStoreAndStoresNothing() {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);

		for (String place : List.of("DC-EAST", "STORE-XYZ")) {
			ResponseEntity<JsonNode> refused = requestAtStore(newKey(), order, place,
					storeLine(line, "UNWANTED", "NEW", "RESTOCK"));

			assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
			assertThat(refused.getBody().path("type").asString()).isEqualTo(ProblemType.NOT_A_STORE.uri().toString());
			assertThat(refused.getBody().path("errors").findValuesAsString("field")).contains("storeId");
		}
		assertThat(api.get("/returns?orderId={o}", order.orderNumber()).getBody()).isEmpty();
	}

	@Test
	void refusesALineWithoutTheStaffsInspectionAsBadInput() {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);

		ResponseEntity<JsonNode> noDisposition = requestAtStore(newKey(), order, STORE,
				Map.of("lineNumber", line.itemNumber(), "quantity", 1, "reason", "UNWANTED", "condition", "NEW"));
		ResponseEntity<JsonNode> unknownDisposition = requestAtStore(newKey(), order, STORE,
				storeLine(line, "UNWANTED", "NEW", "DONATE"));

		assertThat(noDisposition.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noDisposition.getBody().path("errors").findValuesAsString("field")).contains("lines[0].disposition");
		assertThat(unknownDisposition.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(api.get("/returns?orderId={o}", order.orderNumber()).getBody()).isEmpty();
	}

	@Test
	void answersARepeatedRequestWithTheSameReturn() {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		String key = newKey();

		ResponseEntity<JsonNode> first = requestAtStore(key, order, STORE, storeLine(line, "UNWANTED", "NEW", "RESTOCK"));
		ResponseEntity<JsonNode> again = requestAtStore(key, order, STORE, storeLine(line, "UNWANTED", "NEW", "RESTOCK"));
		ResponseEntity<JsonNode> otherVerdict = requestAtStore(key, order, STORE,
				storeLine(line, "UNWANTED", "USED", "DAMAGED"));

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().path("id").asString()).isEqualTo(first.getBody().path("id").asString());
		assertThat(otherVerdict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	private ResponseEntity<JsonNode> requestAtStore(String key, DemoOrder order, String storeId,
			Map<String, Object>... lines) {
		return api.post("/store-returns", Map.of(Headers.IDEMPOTENCY_KEY, key, Headers.ACTING_USER, STAFF),
				Map.of("orderId", order.orderNumber(), "storeId", storeId, "lines", List.of(lines)));
	}

	private static Map<String, Object> storeLine(DemoOrderLine line, String reason, String condition,
			String disposition) {
		return Map.of("lineNumber", line.itemNumber(), "quantity", 1, "reason", reason, "condition", condition,
				"disposition", disposition);
	}

	/** A fresh returnable order of two lines or more. */
	private static DemoOrder twoLineOrder() {
		for (int tries = 0; tries < 50; tries++) {
			DemoOrder order = DemoOrders.freshReturnable();
			if (order.lines().size() >= 2) {
				return order;
			}
		}
		throw new IllegalStateException("no fresh returnable order of two lines");
	}

	private static JsonNode systemApi(String path, Object... variables) {
		return HubSandbox.withServiceToken().build().get().uri(HubSandbox.systemApiUrl() + path, variables).retrieve().body(JsonNode.class);
	}
}
