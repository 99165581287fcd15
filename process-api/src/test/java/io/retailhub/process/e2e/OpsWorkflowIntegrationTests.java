package io.retailhub.process.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import io.retailhub.process.platform.steps.ParkedStepRetries;
import io.retailhub.process.support.HeldTransaction;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ops' workflows on the real engine: a refund parked while payment is down is listed with its
 * return, retried now by an ops person (recorded on the timeline) and completes once; a retry racing
 * a worker's claim waits for it and is refused, a worker skips a step a retry is changing, and
 * retries at once never run the step twice at once. Returns needing a person, failed and stuck
 * steps are listed too; bad filters are 400s.
 */
@ReturnsIntegrationTest
class OpsWorkflowIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String SUBMIT = "refund.submit";

	private static final Map<String, String> OPS = Map.of("X-Acting-User", "ops:ops.olga");

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ParkedStepRetries retries;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void listsARefundParkedWhilePaymentIsDownAndRetriesItNowForOps() {
		// given a refund parked while the payment provider is down, not due again for an hour
		DemoOrder order = DemoOrders.freshReturnable();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		String id = parkedRefund(order);
		holdOffForAnHour(id);

		// then ops find it among the parked workflows, with the return it is about
		JsonNode item = listed("PARKED", null, id);
		assertThat(item).isNotNull();
		assertThat(item.path("workflowType").asString()).isEqualTo("return");
		assertThat(item.path("step").asString()).isEqualTo(SUBMIT);
		assertThat(item.path("status").asString()).isEqualTo("PARKED");
		assertThat(item.path("orderId").asString()).isEqualTo(order.orderNumber());
		assertThat(item.path("returnNumber").asString()).startsWith("RT-");
		assertThat(item.path("rmaNumber").asString()).isNotBlank();
		assertThat(item.path("attempts").asInt()).isPositive();
		assertThat(item.path("lastError").asString()).containsIgnoringCase("payment");
		assertThat(Instant.parse(item.path("since").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(Instant.parse(item.path("nextDueAt").asString())).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
		// and not among those parked for more than an hour
		assertThat(listed("PARKED", "PT1H", id)).isNull();

		// when payment is back and ops retry the step now
		HubSandbox.heal();
		ResponseEntity<JsonNode> retried = api.post("/workflows/" + id + "/steps/" + SUBMIT + "/retry", OPS, null);

		// then it is accepted, due now, and the refund completes exactly once
		assertThat(retried.getStatusCode().value()).as("%s", retried.getBody()).isEqualTo(202);
		assertThat(retried.getBody().path("step").asString()).isEqualTo(SUBMIT);
		assertThat(Instant.parse(retried.getBody().path("dueAt").asString()))
			.isBefore(Instant.now().plus(Duration.ofMinutes(1)));
		awaitStatus(id, "CLOSED");
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
		assertThat(api.workflow(id).path("timeline")).anySatisfy(entry -> {
			assertThat(entry.path("kind").asString()).isEqualTo("step.retry-requested");
			assertThat(entry.path("actor").asString()).isEqualTo("ops:ops.olga");
		});

		// and a step that is done, or unknown, cannot be retried
		ResponseEntity<JsonNode> again = api.post("/workflows/" + id + "/steps/" + SUBMIT + "/retry", OPS, null);
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(again.getBody().path("type").asString()).endsWith("/conflict");
		assertThat(again.getBody().path("stepStatus").asString()).isEqualTo("DONE");
		assertThat(api.post("/workflows/" + id + "/steps/refund.unknown/retry", OPS, null).getStatusCode().value())
			.isEqualTo(404);
		assertThat(api.post("/workflows/" + UUID.randomUUID() + "/steps/" + SUBMIT + "/retry", OPS, null)
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void aRetryRacingAWorkersClaimWaitsForItAndIsRefusedWhileTheStepRuns() throws Exception {
		// given a parked refund, not due again for an hour
		DemoOrder order = DemoOrders.freshReturnable();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		String id = parkedRefund(order);
		holdOffForAnHour(id);
		int attemptsBefore = step(id).path("attempts").asInt();

		// when a worker claims the step (its claim not committed yet) and ops retry it meanwhile
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		HeldTransaction claim = HeldTransaction.begin(transactions, () -> assertThat(jdbc.sql("""
				UPDATE workflow_step SET lease_owner = 'racing-worker', lease_until = now() + interval '1 minute',
					version = version + 1
				WHERE workflow_id = :id AND step = :step""").param("id", UUID.fromString(id)).param("step", SUBMIT).update())
			.isOne(), "claiming worker");
		CompletableFuture<ResponseEntity<JsonNode>> retry = CompletableFuture
			.supplyAsync(() -> api.post("/workflows/" + id + "/steps/" + SUBMIT + "/retry", OPS, null));

		// then the retry waits for the claim's row lock
		await().atMost(PATIENCE).until(() -> waitingForALock("UPDATE workflow_step"));
		assertThat(retry).isNotDone();

		// and once the claim commits, it is refused: the step runs, and nothing of it changed
		claim.commit();
		ResponseEntity<JsonNode> refused = retry.get();
		assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(409);
		assertThat(refused.getBody().path("stepStatus").asString()).isEqualTo("RUNNING");
		assertThat(Instant.parse(step(id).path("dueAt").asString())).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
		assertThat(api.workflow(id).path("timeline").valueStream().map(t -> t.path("kind").asString()))
			.doesNotContain("step.retry-requested");

		// when the claim is given back, and a retry is made while a worker polls
		jdbc.sql("UPDATE workflow_step SET lease_owner = NULL, lease_until = NULL WHERE workflow_id = :id AND step = :step")
			.param("id", UUID.fromString(id))
			.param("step", SUBMIT)
			.update();
		HubSandbox.heal();
		HeldTransaction retrying = HeldTransaction.begin(transactions,
				() -> this.retries.retryNow(UUID.fromString(id), SUBMIT, "ops:ops.olga"), "retrying ops person");

		// then a worker's claim skips the row while the retry changes it (it does not wait, or take it)
		assertThat(jdbc.sql("""
				SELECT id FROM workflow_step WHERE workflow_id = :id AND step = :step
					AND status IN ('PENDING', 'PARKED') FOR UPDATE SKIP LOCKED""")
			.param("id", UUID.fromString(id))
			.param("step", SUBMIT)
			.query(UUID.class)
			.list()).isEmpty();

		// and once the retry commits, the step runs again (parking on until the system API's payment
		// breaker closes) and the return closes, its refund made once
		retrying.commit();
		awaitStatus(id, "CLOSED");
		assertThat(step(id).path("attempts").asInt()).isGreaterThan(attemptsBefore);
		assertThat(step(id).path("history").valueStream().filter(a -> a.path("outcome").asString().equals("DONE")))
			.hasSize(1);
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
	}

	@Test
	void retriesAtOnceNeverRunTheStepTwiceAtOnce() throws Exception {
		// given a refund parked while payment is down
		DemoOrder order = DemoOrders.freshReturnable();
		String id = parkedRefund(order);
		holdOffForAnHour(id);

		// when ops retry it eight times at once, four times over, while payment stays down
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Integer> statuses = new ArrayList<>();
		try {
			for (int round = 0; round < 4; round++) {
				List<CompletableFuture<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					calls.add(CompletableFuture.supplyAsync(
							() -> api.post("/workflows/" + id + "/steps/" + SUBMIT + "/retry", OPS, null), pool));
				}
				for (CompletableFuture<ResponseEntity<JsonNode>> call : calls) {
					statuses.add(call.get().getStatusCode().value());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}

		// then each was accepted or refused because the step was running, at least one accepted
		assertThat(statuses).containsOnly(202, 409).contains(202);
		// and no two attempts of the step ever overlapped
		HubSandbox.heal();
		awaitStatus(id, "CLOSED");
		List<JsonNode> history = step(id).path("history").valueStream().toList();
		for (int i = 1; i < history.size(); i++) {
			Instant previousEnd = Instant.parse(history.get(i - 1).path("finishedAt").asString());
			assertThat(Instant.parse(history.get(i).path("startedAt").asString()))
				.as("attempt %s started after attempt %s ended", i + 1, i)
				.isAfterOrEqualTo(previousEnd);
		}
		assertThat(history).filteredOn(a -> a.path("outcome").asString().equals("DONE")).hasSize(1);
	}

	@Test
	void listsReturnsThatNeedAPersonAndStuckSteps() {
		// given a return whose refund the provider refused: it needs a person
		HubSandbox.backendBean(PaymentLedger.class).refundBehavior(RefundBehavior.failing("expired_or_canceled_card"));
		DemoOrder order = DemoOrders.freshReturnable();
		String id = receivedReturn(order);
		await().atMost(PATIENCE).until(() -> api.returnOf(id).path("status").asString().equals("REQUIRES_ACTION"));

		// then it is listed as needing a person, with why
		JsonNode needsPerson = listed("NEEDS_PERSON", null, id);
		assertThat(needsPerson).isNotNull();
		assertThat(needsPerson.path("status").asString()).isEqualTo("REQUIRES_ACTION");
		assertThat(needsPerson.path("orderId").asString()).isEqualTo(order.orderNumber());
		assertThat(needsPerson.path("lastError").asString()).isNotBlank();
		assertThat(needsPerson.path("step").isNull()).isTrue();

		// given a step held two hours by an instance that froze: due, leased, never moved
		UUID frozen = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO workflow_step (id, workflow_id, workflow_type, step, status, attempts, due_at, lease_owner,
					lease_until, created_at, updated_at)
				VALUES (:id, :workflowId, 'return', 'return.close-case', 'PENDING', 0, now() - interval '2 hours',
					'frozen-instance', now() + interval '1 hour', now() - interval '2 hours', now() - interval '2 hours')""")
			.param("id", UUID.randomUUID())
			.param("workflowId", frozen)
			.update();
		try {
			// then it is stuck for more than an hour, not for more than three
			JsonNode stuck = listed("STUCK", "PT1H", frozen.toString());
			assertThat(stuck).isNotNull();
			assertThat(stuck.path("step").asString()).isEqualTo("return.close-case");
			assertThat(listed("STUCK", "PT3H", frozen.toString())).isNull();
		}
		finally {
			jdbc.sql("UPDATE workflow_step SET status = 'CANCELED', lease_owner = NULL, lease_until = NULL WHERE workflow_id = :id")
				.param("id", frozen)
				.update();
		}
	}

	@Test
	void refusesABadStateDurationOrPageWithAProblem() {
		for (String query : List.of("state=SLEEPING", "", "state=PARKED&olderThan=2h", "state=PARKED&olderThan=PT-1H",
				"state=STUCK&olderThan=P99999D", "state=FAILED&size=0", "state=FAILED&size=201", "state=FAILED&page=-1")) {
			ResponseEntity<JsonNode> refused = api.get("/workflows?" + query);
			assertThat(refused.getStatusCode().value()).as(query).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType().toString()).as(query).startsWith("application/problem+json");
		}
		assertThat(api.get("/workflows?state=SLEEPING").getBody().path("errors").get(0).path("field").asString())
			.isEqualTo("state");
		assertThat(api.get("/workflows?state=FAILED").getStatusCode().value()).isEqualTo(200);
	}

	/** A return whose refund is parked while payment is down (payment stays down). */
	private String parkedRefund(DemoOrder order) {
		HubSandbox.outage(Backend.PAYMENT);
		String id = receivedReturn(order);
		await().atMost(PATIENCE).until(() -> step(id) != null && step(id).path("status").asString().equals("PARKED"));
		return id;
	}

	private String receivedReturn(DemoOrder order) {
		DemoOrderLine line = order.lines().get(0);
		String id = api.requestReturn(newKey(), order.orderNumber(), "AGENT", line(line.itemNumber(), 1, "DEFECTIVE"))
			.getBody()
			.path("id")
			.asString();
		JsonNode authorized = await().atMost(PATIENCE)
			.until(() -> api.returnOf(id),
					r -> r.path("status").asString().equals("AUTHORIZED") && r.hasNonNull("caseId"));
		warehouse.publish(order.orderNumber(), authorized.path("rmaNumber").asString(), 1,
				List.of(WarehouseReceipts.Line.allGood(line.itemNumber(), line.sku(), 1)));
		return id;
	}

	/** Pushes the parked step's next try an hour out, between two of its attempts. */
	private void holdOffForAnHour(String id) {
		await().atMost(PATIENCE).until(() -> jdbc.sql("""
				UPDATE workflow_step SET due_at = now() + interval '1 hour'
				WHERE workflow_id = :id AND step = :step AND status = 'PARKED'
					AND (lease_until IS NULL OR lease_until < now())""")
			.param("id", UUID.fromString(id))
			.param("step", SUBMIT)
			.update() == 1);
	}

	private JsonNode step(String id) {
		return api.workflow(id)
			.path("steps")
			.valueStream()
			.filter(s -> s.path("step").asString().equals(SUBMIT))
			.findFirst()
			.orElse(null);
	}

	/** The item of this workflow among those in the state, or null. */
	private JsonNode listed(String state, String olderThan, String workflowId) {
		ResponseEntity<JsonNode> page = api
			.get("/workflows?state=" + state + (olderThan == null ? "" : "&olderThan=" + olderThan) + "&size=200");
		assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
		assertThat(page.getBody().path("total").asLong()).isGreaterThanOrEqualTo(page.getBody().path("items").size());
		Predicate<JsonNode> ours = i -> i.path("workflowId").asString().equals(workflowId);
		return page.getBody().path("items").valueStream().filter(ours).findFirst().orElse(null);
	}

	private boolean waitingForALock(String statement) {
		return jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE :statement""")
			.param("statement", "%" + statement + "%")
			.query(Integer.class)
			.single() > 0;
	}

	private void awaitStatus(String id, String status) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.returnOf(id).path("status").asString(), status::equals);
	}

}
