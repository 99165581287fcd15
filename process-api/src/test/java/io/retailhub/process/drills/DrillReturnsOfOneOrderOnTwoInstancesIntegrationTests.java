package io.retailhub.process.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.process.e2e.ReturnsOfOneOrder;
import io.retailhub.process.e2e.StepHistory;
import io.retailhub.process.workflows.ReturnWorkflow;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill: returns of one order requested through two instances and judged at the same moment, two
 * on each (every instance runs two steps at a time, and all four judgements are held in flight
 * together, see {@link ReturnsOfOneOrder}): the order's lock, a PostgreSQL advisory lock, holds
 * across instances, and together they never take back more than was delivered.
 */
class DrillReturnsOfOneOrderOnTwoInstancesIntegrationTests {

	private static final Deployment CONTENTION = new Deployment("process_contention", "process-api-contention",
			"RC-", Map.of("retailhub.workflow.steps.concurrency", "2"));

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
		HubSandbox.heal();
	}

	@Test
	void returnsOfOneOrderJudgedAtTheSameMomentOnTwoInstancesNeverTakeBackMoreThanWasDelivered() {
		// given two instances on one database, each running two steps at a time
		ProcessApi one = Instances.api(start("contention-one"));
		ProcessApi two = Instances.api(start("contention-two"));
		DemoOrder order = DemoOrders.freshReturnable();

		// when four returns of the order's largest line, together more than it has, are judged at the same moment
		ReturnsOfOneOrder.Judged judged = ReturnsOfOneOrder.judgedAtOnce(order, List.of(one, two), 4,
				ProcessApiInstances.dataSource(CONTENTION));

		// then no more units are taken back than were delivered
		judged.assertNeverMoreThanDelivered();

		// and both instances judged two of them
		assertThat(judged.returns().stream()
			.map(r -> StepHistory.last(StepHistory.of(one.workflow(UUID.fromString(r.path("id").asString())),
					ReturnWorkflow.EVALUATE)).path("worker").asString())
			.toList()).containsExactlyInAnyOrder("contention-one", "contention-one", "contention-two", "contention-two");
	}

	private ConfigurableApplicationContext start(String instanceId) {
		ConfigurableApplicationContext instance = ProcessApiInstances.start(instanceId, CONTENTION);
		instances.add(instance);
		return instance;
	}
}
