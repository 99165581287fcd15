package io.retailhub.process.drills;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HeldRequests;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.StepHistory;
import io.retailhub.process.workflows.ReturnWorkflow;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: two process-api instances on one database and consumer group share thirty returns, and
 * one of them crashes halfway, while refunds it sent are held at the payment provider (which makes
 * them after the crash). The other takes over its partitions and, once their leases run out, its
 * steps: every return closes with each backend effect once, and no step ever ran on both instances
 * at the same time. Attempts are recorded when they start, so the crashed instance's unfinished
 * attempts are on record too: each counts as running until its lease ran out, and the attempt that
 * took its step over started after that.
 */
class DrillTwoInstancesIntegrationTests {

	private static final int RETURNS = 30;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		instances.stream().filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
		HubSandbox.heal();
	}

	@Test
	void closesThirtyReturnsWithEveryEffectOnceAndNoStepRunTwiceAtOnceWhenOneOfTwoInstancesCrashesHalfway() {
		// given two instances on one database and consumer group
		ConfigurableApplicationContext crashing = start("drill-pair-one");
		ConfigurableApplicationContext surviving = start("drill-pair-two");
		List<ProcessApi> apis = List.of(Instances.api(crashing), Instances.api(surviving));
		ProcessApi survivor = apis.get(1);

		// and thirty returns requested through both, each on an order of its own, authorized with their cases
		List<DemoOrder> orders = IntStream.range(0, RETURNS).mapToObj(i -> DemoOrders.freshDelivered()).toList();
		List<Integer> refundsBefore = orders.stream().map(o -> HubSandbox.refundsAtPayment(o.paymentIntentId())).toList();
		List<String> ids = IntStream.range(0, RETURNS)
			.mapToObj(i -> AuthorizedReturn.request(apis.get(i % 2), orders.get(i), 1))
			.toList();
		List<AuthorizedReturn> returns = IntStream.range(0, RETURNS)
			.mapToObj(i -> AuthorizedReturn.awaitCase(survivor, ids.get(i), orders.get(i), 1))
			.toList();

		// and a payment provider that holds every refund request until the drill lets them go
		HeldRequests.Hold refunds = HubSandbox.held()
			.holdRequests(Backend.PAYMENT, "POST", "/v1/refunds")
			.recording("Idempotency-Key");

		// when the first half of the parcels arrives, and one instance crashes while refunds it sent are at the provider
		List<UUID> workflows = ids.stream().map(UUID::fromString).toList();
		returns.subList(0, RETURNS / 2).forEach(r -> receive(crashing, r));
		await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> refundsAtTheProviderFrom("drill-pair-one", workflows, refunds.headerValues()).size() >= 2);
		List<UUID> interrupted = refundsAtTheProviderFrom("drill-pair-one", workflows, refunds.headerValues());
		ProcessApiInstances.crash(crashing, refunds::releaseAndAwaitServed);

		// and the other half arrives afterwards
		returns.subList(RETURNS / 2, RETURNS).forEach(r -> receive(surviving, r));

		// then every return closes, with each of its effects exactly once at the backends
		for (int i = 0; i < RETURNS; i++) {
			AuthorizedReturn.awaitStatus(survivor, ids.get(i), "CLOSED");
			ReturnEffects.of(survivor, ids.get(i), orders.get(i).paymentIntentId()).assertExactlyOnce(refundsBefore.get(i));
		}

		// and the refunds the crash interrupted show an attempt of the crashed instance that never finished,
		// taken over by the other after its lease ran out
		for (UUID workflow : interrupted) {
			List<JsonNode> history = StepHistory.of(survivor.workflow(workflow), ReturnWorkflow.SUBMIT_REFUND);
			JsonNode abandoned = StepHistory.lastBy(history, "drill-pair-one");
			JsonNode takeover = StepHistory.last(history);
			assertThat(abandoned.path("outcome").asString()).as("%s", history).isEqualTo("ABANDONED");
			assertThat(takeover.path("outcome").asString()).as("%s", history).isEqualTo("DONE");
			assertThat(takeover.path("worker").asString()).isEqualTo("drill-pair-two");
			assertThat(Instant.parse(takeover.path("startedAt").asString()))
				.isAfter(Instant.parse(abandoned.path("leaseUntil").asString()));
		}

		// and no step ran twice at the same time, an unfinished attempt counting until its lease ran out, nor finished twice
		assertThat(overlappingAttempts(workflows)).as("attempts of one step that ran at the same time").isEmpty();
		assertThat(stepsDoneTwice(workflows)).as("steps that finished twice").isEmpty();
	}

	private ConfigurableApplicationContext start(String instanceId) {
		ConfigurableApplicationContext instance = Instances.start(instanceId);
		instances.add(instance);
		return instance;
	}

	private static void receive(ConfigurableApplicationContext instance, AuthorizedReturn ret) {
		Instances.receipts(instance).publish(ret.order().orderNumber(), ret.rmaNumber(), 1, ret.allReceived());
	}

	/**
	 * The returns whose refund an attempt of the instance is submitting right now, with its request
	 * held at the provider: an unfinished attempt of the step, its refund's idempotency key among the
	 * held requests'.
	 */
	private static List<UUID> refundsAtTheProviderFrom(String instanceId, List<UUID> workflows, List<String> heldKeys) {
		if (heldKeys.isEmpty()) {
			return List.of();
		}
		return Instances.database()
			.sql("""
					SELECT DISTINCT s.workflow_id FROM workflow_attempt a
					JOIN workflow_step s ON s.id = a.step_id
					JOIN refund r ON r.return_id = s.workflow_id
					WHERE a.worker = :owner AND a.finished_at IS NULL AND s.step = :step
						AND s.workflow_id IN (:workflows) AND r.idempotency_key IN (:keys)""")
			.param("owner", instanceId)
			.param("step", ReturnWorkflow.SUBMIT_REFUND)
			.param("workflows", workflows)
			.param("keys", heldKeys)
			.query(UUID.class)
			.list();
	}

	/**
	 * Pairs of recorded attempts of one step whose run times overlap. An attempt that never
	 * finished (its instance crashed) may have run until its lease ran out: that is its end here.
	 */
	private static List<Map<String, Object>> overlappingAttempts(List<UUID> workflows) {
		return Instances.database()
			.sql("""
					SELECT s.workflow_id, s.step, a.attempt, a.worker, b.attempt AS other_attempt, b.worker AS other_worker
					FROM workflow_attempt a
					JOIN workflow_attempt b ON b.step_id = a.step_id AND b.id > a.id
					JOIN workflow_step s ON s.id = a.step_id
					WHERE s.workflow_id IN (:workflows)
						AND a.started_at < coalesce(b.finished_at, b.lease_until)
						AND b.started_at < coalesce(a.finished_at, a.lease_until)""")
			.param("workflows", workflows)
			.query()
			.listOfRows();
	}

	/** Steps with more than one attempt recorded as done. */
	private static List<Map<String, Object>> stepsDoneTwice(List<UUID> workflows) {
		return Instances.database()
			.sql("""
					SELECT s.workflow_id, s.step, count(*) AS done
					FROM workflow_attempt a JOIN workflow_step s ON s.id = a.step_id
					WHERE s.workflow_id IN (:workflows) AND a.outcome = 'DONE'
					GROUP BY s.workflow_id, s.step HAVING count(*) > 1""")
			.param("workflows", workflows)
			.query()
			.listOfRows();
	}
}
