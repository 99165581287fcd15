package io.retailhub.process.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.workflows.ReturnWorkflow;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: two process-api instances on one database and consumer group share thirty returns, and
 * one of them crashes halfway, while refunds it sent are still at the payment provider. The other
 * takes over its partitions and, once their leases run out, its steps: every return closes with
 * each backend effect once, and no step ever ran on both instances at the same time (their
 * recorded attempts never overlap).
 */
class DrillTwoInstancesIntegrationTests {

	private static final int RETURNS = 30;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		instances.stream().filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
		HubSandbox.backendBean(PaymentLedger.class).resetRefundBehavior();
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

		// and refunds that take the payment provider a second, so that refunds are in flight for a while
		HubSandbox.backendBean(PaymentLedger.class).refundBehavior(RefundBehavior.DEFAULT.withProcessingDelay(1_000));

		// when the first half of the parcels arrives, and one instance crashes while it is sending refunds
		List<UUID> workflows = ids.stream().map(UUID::fromString).toList();
		returns.subList(0, RETURNS / 2).forEach(r -> receive(crashing, r));
		await().atMost(AuthorizedReturn.PATIENCE).until(() -> refundsInFlightOn("drill-pair-one", workflows) >= 2);
		ProcessApiInstances.crash(crashing);
		assertThat(refundsInFlightOn("drill-pair-one", workflows)).as("refund steps the crash left leased")
			.isGreaterThanOrEqualTo(2);

		// and the other half arrives afterwards
		returns.subList(RETURNS / 2, RETURNS).forEach(r -> receive(surviving, r));

		// then every return closes, with each of its effects exactly once at the backends
		for (int i = 0; i < RETURNS; i++) {
			AuthorizedReturn.awaitStatus(survivor, ids.get(i), "CLOSED");
			ReturnEffects.of(survivor, ids.get(i), orders.get(i).paymentIntentId()).assertExactlyOnce(refundsBefore.get(i));
		}

		// and no step ran twice at the same time, nor finished twice
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

	/** Refund submissions an instance holds the lease of and has not finished: in flight at the provider. */
	private static long refundsInFlightOn(String instanceId, List<UUID> workflows) {
		return Instances.database()
			.sql("""
					SELECT count(*) FROM workflow_step
					WHERE lease_owner = :owner AND status IN ('PENDING', 'PARKED') AND step = :step
						AND workflow_id IN (:workflows)""")
			.param("owner", instanceId)
			.param("step", ReturnWorkflow.SUBMIT_REFUND)
			.param("workflows", workflows)
			.query(Long.class)
			.single();
	}

	/** Pairs of recorded attempts of one step whose run times overlap. */
	private static List<Map<String, Object>> overlappingAttempts(List<UUID> workflows) {
		return Instances.database()
			.sql("""
					SELECT s.workflow_id, s.step, a.attempt, b.attempt AS other_attempt
					FROM workflow_attempt a
					JOIN workflow_attempt b ON b.step_id = a.step_id AND b.id > a.id
					JOIN workflow_step s ON s.id = a.step_id
					WHERE s.workflow_id IN (:workflows)
						AND a.started_at < b.finished_at AND b.started_at < a.finished_at""")
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
