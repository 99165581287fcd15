package io.retailhub.process.returns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HeldRequests;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.PublishedEvents;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Cancel, expiry, receipts that come early, twice or out of order, and a payment answer lost to a timeout. */
@ReturnsIntegrationTest
class ReturnLifecycleIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	EarlyReceiptRepository earlyReceipts;

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void cancelsAReturnBeforeTheParcelArrives() {
		// given
		Authorized ret = authorizedReturn(1);

		// when
		ResponseEntity<JsonNode> canceled = api.cancel(ret.id());

		// then
		assertThat(canceled.getStatusCode().value()).isEqualTo(200);
		assertThat(canceled.getBody().path("status").asString()).isEqualTo("CANCELED");
		assertThat(api.workflow(ret.id()).path("steps"))
			.filteredOn(s -> s.path("step").asString().equals("return.expire"))
			.singleElement()
			.satisfies(s -> assertThat(s.path("status").asString()).isEqualTo("CANCELED"));
		assertThat(api.cancel(ret.id()).getStatusCode().value()).as("canceling twice is harmless").isEqualTo(200);
	}

	@Test
	void recordsTheParcelOnItsWayOnceAndThenRefusesToCancelOrExpire() {
		// given an authorized return, and one still waiting for its RMA
		Authorized ret = authorizedReturn(1);
		Map<String, String> byShopper = Map.of("X-Acting-User", "customer:" + ret.order().customerNumber());

		// when the shopper hands the parcel to a carrier, twice (a retry), then corrects the code
		ResponseEntity<JsonNode> recorded = api.post("/returns/" + ret.id() + "/parcel", byShopper,
				Map.of("carrier", "USPS", "trackingCode", "9400111899223100000001"));
		ResponseEntity<JsonNode> again = api.post("/returns/" + ret.id() + "/parcel", byShopper,
				Map.of("carrier", "USPS", "trackingCode", "9400111899223100000001"));
		ResponseEntity<JsonNode> corrected = api.post("/returns/" + ret.id() + "/parcel", byShopper,
				Map.of("carrier", "USPS", "trackingCode", "9400111899223100000002"));

		// then it is on its way: recorded with who said so, published once per tracking code
		assertThat(recorded.getStatusCode().value()).as("%s", recorded.getBody()).isEqualTo(200);
		JsonNode parcel = recorded.getBody().path("parcel");
		assertThat(parcel.path("carrier").asString()).isEqualTo("USPS");
		assertThat(parcel.path("trackingCode").asString()).isEqualTo("9400111899223100000001");
		assertThat(parcel.path("recordedBy").asString()).isEqualTo("customer:" + ret.order().customerNumber());
		assertThat(again.getBody().path("parcel")).isEqualTo(parcel);
		assertThat(corrected.getBody().path("parcel").path("trackingCode").asString()).isEqualTo("9400111899223100000002");
		assertThat(corrected.getBody().path("parcel").path("shippedAt")).isEqualTo(parcel.path("shippedAt"));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(PublishedEvents.of(Topics.RETURNS, ret.order().orderNumber()))
			.filteredOn(event -> event.type().equals(EventType.RETURN_SHIPPED.type()))
			.extracting(event -> event.payload())
			.hasSize(2)
			.anySatisfy(payload -> assertThat(payload).contains("9400111899223100000001",
					"customer:" + ret.order().customerNumber()))
			.anySatisfy(payload -> assertThat(payload).contains("9400111899223100000002")));

		// and it can no longer be canceled, nor does it expire while travelling (expiry is 6 s here)
		ResponseEntity<JsonNode> cancel = api.cancel(ret.id());
		assertThat(cancel.getStatusCode().value()).isEqualTo(409);
		await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(api.workflow(ret.id()).path("steps"))
				.filteredOn(s -> s.path("step").asString().equals("return.expire"))
				.singleElement()
				.satisfies(s -> assertThat(s.path("status").asString()).isEqualTo("DONE")));
		assertThat(api.returnOf(ret.id()).path("status").asString()).isEqualTo("AUTHORIZED");
	}

	@Test
	void refusesAParcelBeforeTheRmaOrWithABadTrackingCodeAndChangesNothing() {
		Authorized ret = authorizedReturn(1);
		ResponseEntity<JsonNode> bad = api.post("/returns/" + ret.id() + "/parcel", Map.of(),
				Map.of("carrier", "USPS", "trackingCode", "not a code!"));
		ResponseEntity<JsonNode> unknown = api.post("/returns/" + UUID.randomUUID() + "/parcel", Map.of(),
				Map.of("carrier", "USPS", "trackingCode", "9400111899223100000003"));
		api.cancel(ret.id());
		ResponseEntity<JsonNode> canceled = api.post("/returns/" + ret.id() + "/parcel", Map.of(),
				Map.of("carrier", "USPS", "trackingCode", "9400111899223100000003"));

		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody().path("errors").findValuesAsString("field")).containsExactly("trackingCode");
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(canceled.getStatusCode().value()).isEqualTo(409);
		assertThat(api.returnOf(ret.id()).path("parcel").isNull() || api.returnOf(ret.id()).path("parcel").isMissingNode())
			.isTrue();
	}

	/**
	 * Forces the interleaving that deadlocked a cancellation against a step: the step's transaction
	 * holds the return's event-sequence row, the cancellation updates the return and then waits for
	 * that row, the step then wants the return. PostgreSQL breaks the cycle by aborting the waiter
	 * that found it, the cancellation; it runs again on a fresh copy and cancels once.
	 */
	@Test
	void cancelsOnAFreshCopyWhenPostgresAbortsItToBreakADeadlockWithAStep() throws Exception {
		Authorized ret = authorizedReturn(1);
		try (Connection step = dataSource.getConnection()) {
			step.setAutoCommit(false);
			try (PreparedStatement sequence = step.prepareStatement(
					"SELECT last_sequence FROM aggregate_sequence WHERE aggregate_id = ? FOR UPDATE")) {
				sequence.setString(1, "returns/" + ret.id());
				assertThat(sequence.executeQuery().next()).as("the return has published events").isTrue();
			}
			CompletableFuture<ResponseEntity<JsonNode>> cancel = CompletableFuture.supplyAsync(() -> api.cancel(ret.id()));
			// the cancellation has updated the return and waits for the sequence row the step holds
			await().atMost(PATIENCE)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
						+ " AND query LIKE 'INSERT INTO aggregate_sequence%'").query(Integer.class).single() > 0);
			// the cancellation checks for a deadlock 1 s into its wait (PostgreSQL's default); the step
			// checks only after 30 s, so the cancellation is the one that finds the cycle
			try (PreparedStatement patient = step.prepareStatement("SET LOCAL deadlock_timeout = '30s'")) {
				patient.execute();
			}
			// the step now wants the return: a cycle, which PostgreSQL breaks by aborting the cancellation
			try (PreparedStatement touch = step.prepareStatement(
					"UPDATE return_case SET updated_at = updated_at WHERE id = ?")) {
				touch.setObject(1, UUID.fromString(ret.id()));
				assertThat(touch.executeUpdate()).as("the step, not the cancellation, went on").isOne();
			}
			step.commit();

			ResponseEntity<JsonNode> canceled = cancel.get(60, TimeUnit.SECONDS);
			assertThat(canceled.getStatusCode().value()).as("%s", canceled.getBody()).isEqualTo(200);
			assertThat(canceled.getBody().path("status").asString()).isEqualTo("CANCELED");
		}
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(PublishedEvents.of(Topics.RETURNS, ret.order().orderNumber()))
			.filteredOn(event -> event.type().equals(EventType.RETURN_CANCELED.type()))
			.hasSize(1));
	}

	@Test
	void refusesToCancelOnceSomethingArrived() {
		// given a return of two units, one of which arrived
		Authorized ret = authorizedReturn(2);
		warehouse.publish(ret.order().orderNumber(), ret.rma(), 1,
				List.of(new WarehouseReceipts.Line(ret.line().itemNumber(), ret.line().sku(), 2, 1, 0, 0)));
		awaitReturn(ret.id(), r -> r.path("status").asString().equals("PARTIALLY_RECEIVED"));

		// when
		ResponseEntity<JsonNode> refused = api.cancel(ret.id());

		// then
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody().path("type").asString()).isEqualTo(ProblemType.CONFLICT.uri().toString());
	}

	@Test
	void expiresAnAuthorizedReturnThatIsNeverShippedOnce() {
		// given
		Authorized ret = authorizedReturn(1);

		// when its time runs out
		JsonNode expired = awaitReturn(ret.id(), r -> r.path("status").asString().equals("EXPIRED"));

		// then the timer fired once
		assertThat(expired.path("closedAt").isNull()).isFalse();
		assertThat(api.workflow(ret.id()).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("return.expired"))
			.hasSize(1);
	}

	@Test
	void recordsADuplicatedReceiptOnceAndIgnoresAnOlderOneArrivingLate() {
		// given a return of two units
		Authorized ret = authorizedReturn(2);
		String lineNumber = ret.line().itemNumber();

		// when the receipt of one unit (sequence 1) arrives after the receipt of both (sequence 2), twice
		String both = warehouse.publish(ret.order().orderNumber(), ret.rma(), 2,
				List.of(new WarehouseReceipts.Line(lineNumber, ret.line().sku(), 2, 2, 0, 1)));
		warehouse.publish(both, ret.order().orderNumber(), ret.rma(), 2,
				List.of(new WarehouseReceipts.Line(lineNumber, ret.line().sku(), 2, 2, 0, 1)));
		warehouse.publish(ret.order().orderNumber(), ret.rma(), 1,
				List.of(new WarehouseReceipts.Line(lineNumber, ret.line().sku(), 2, 1, 0, 0)));

		// then the latest count stands: two received, one rejected, one refunded
		JsonNode closed = awaitReturn(ret.id(), r -> r.path("status").asString().equals("CLOSED"));
		JsonNode line = closed.path("lines").get(0);
		assertThat(line.path("quantityReceived").asInt()).isEqualTo(2);
		assertThat(line.path("quantityRejected").asInt()).isEqualTo(1);
		assertThat(line.path("quantityAccepted").asInt()).isEqualTo(1);
		assertThat(api.workflow(ret.id()).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("return.received"))
			.hasSize(1);
	}

	@Test
	void keepsAReceiptForAnRmaItDoesNotKnowYet() {
		// given an RMA the hub has not heard of
		String rma = "EARLY-" + UUID.randomUUID().toString().substring(0, 8);

		// when the warehouse's receipt for it arrives
		warehouse.publish("WEB-100001", rma, 1, List.of(WarehouseReceipts.Line.allGood("10", "MAT-1001", 1)));

		// then it is kept for when the return is authorized
		await().atMost(PATIENCE).until(() -> earlyReceipts.findById(rma).isPresent());
	}

	@Test
	void paysOnceWhenThePaymentAnswerIsLostToATimeout() {
		// given an authorized return, and a payment provider that makes refunds but holds back its answers
		Authorized ret = authorizedReturn(1);
		int refundsBefore = HubSandbox.refundsAtPayment(ret.order().paymentIntentId());
		HeldRequests.Hold answers = HubSandbox.held().holdAnswers(Backend.PAYMENT, "POST", "/v1/refunds");

		// when the parcel arrives and the provider makes the refund, its answer still held back
		warehouse.publish(ret.order().orderNumber(), ret.rma(), 1,
				List.of(WarehouseReceipts.Line.allGood(ret.line().itemNumber(), ret.line().sku(), 1)));
		answers.awaitHeld(1);
		assertThat(HubSandbox.refundsAtPayment(ret.order().paymentIntentId())).isEqualTo(refundsBefore + 1);

		// then the hub stops waiting, asks the provider before sending it again, finds it, and has paid once
		awaitReturn(ret.id(), r -> r.path("status").asString().equals("CLOSED"));
		JsonNode workflow = api.workflow(ret.id());
		JsonNode refund = api.refund(workflow.path("refundId").asString());
		assertThat(refund.path("submissions").asInt()).isGreaterThan(1);
		assertThat(workflow.path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("refund.succeeded"))
			.singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("found by reference"));
		answers.releaseAndAwaitServed();
		assertThat(HubSandbox.refundsAtPayment(ret.order().paymentIntentId())).isEqualTo(refundsBefore + 1);
	}

	private record Authorized(String id, String rma, DemoOrder order, DemoOrderLine line) {
	}

	/** A fresh order's return of {@code quantity} units of its first line of two or more, authorized. */
	private Authorized authorizedReturn(int quantity) {
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().stream().filter(l -> l.quantity() >= 2).findFirst().orElseThrow();
		ResponseEntity<JsonNode> created = api.requestReturn(newKey(), order.orderNumber(), "STORE",
				line(line.itemNumber(), quantity, "UNWANTED"));
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		String id = created.getBody().path("id").asString();
		JsonNode authorized = awaitReturn(id, r -> r.path("status").asString().equals("AUTHORIZED"));
		return new Authorized(id, authorized.path("rmaNumber").asString(), order, line);
	}

	private JsonNode awaitReturn(String id, Predicate<JsonNode> condition) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> api.returnOf(id), condition);
	}
}
