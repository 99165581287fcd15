package io.retailhub.process.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once across instances: process-api stopped while the refund is on its way to the
 * payment provider and another instance taking over, and two instances sharing one database.
 */
class ProcessApiInstancesIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
		HubSandbox.heal();
	}

	private ConfigurableApplicationContext start(String instanceId) {
		ConfigurableApplicationContext instance = ProcessApiInstances.start(instanceId);
		instances.add(instance);
		return instance;
	}

	@Test
	void finishesARefundInterruptedByARestartExactlyOnce() {
		// given an authorized return on the first instance
		ConfigurableApplicationContext first = start("first");
		ProcessApi api = new ProcessApi(ProcessApiInstances.port(first));
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		String id = api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(line.itemNumber(), 1, "UNWANTED"))
			.getBody()
			.path("id")
			.asString();
		String rma = await().atMost(PATIENCE)
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED"))
			.path("rmaNumber")
			.asString();

		// when the parcel arrives, and the instance is stopped while the refund request is held at the payment provider
		HeldRequests.Hold refund = HubSandbox.held().holdRequests(Backend.PAYMENT, "POST", "/v1/refunds");
		receipts(first).publish(order.orderNumber(), rma, 1,
				List.of(WarehouseReceipts.Line.allGood(line.itemNumber(), line.sku(), 1)));
		refund.awaitHeld(1);
		first.close();

		// then the stop interrupted the refund step: the stopped instance started it and did not finish it,
		// and nothing was refunded yet
		JdbcClient database = ProcessApiInstances.database(ProcessApiInstances.INSTANCES);
		assertThat(database.sql("SELECT status FROM workflow_step WHERE workflow_id = CAST(:id AS uuid) AND step = :step")
			.param("id", id)
			.param("step", "refund.submit")
			.query(String.class)
			.single()).isIn("PENDING", "PARKED");
		assertThat(database.sql("""
				SELECT a.worker, a.outcome FROM workflow_attempt a JOIN workflow_step s ON s.id = a.step_id
				WHERE s.workflow_id = CAST(:id AS uuid) AND s.step = :step""")
			.param("id", id)
			.param("step", "refund.submit")
			.query()
			.listOfRows()).isNotEmpty().allSatisfy(attempt -> {
				assertThat(attempt.get("worker")).isEqualTo("first");
				assertThat(attempt.get("outcome")).isNotEqualTo("DONE");
			});
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore);

		// when the provider makes the refund it was asked for, and another instance starts
		refund.releaseAndAwaitServed();
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
		ConfigurableApplicationContext second = start("second");
		ProcessApi takeover = new ProcessApi(ProcessApiInstances.port(second));

		// then it takes over and finishes, finding the refund the stopped instance asked for: one refund at the provider
		JsonNode closed = await().atMost(PATIENCE)
			.until(() -> takeover.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));
		assertThat(closed.path("refundAmount").path("amount").decimalValue()).isPositive();
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
		JsonNode finished = StepHistory.last(StepHistory.of(takeover.workflow(id), "refund.submit"));
		assertThat(finished.path("worker").asString()).isEqualTo("second");
		assertThat(finished.path("outcome").asString()).isEqualTo("DONE");
		assertThat(takeover.workflow(id).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("refund.succeeded"))
			.singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("found by reference"));
	}

	@Test
	void sharesReturnsBetweenTwoInstancesWithoutDoingAnythingTwice() {
		// given two instances on one database
		ProcessApi one = new ProcessApi(ProcessApiInstances.port(start("one")));
		ConfigurableApplicationContext secondInstance = start("two");
		ProcessApi two = new ProcessApi(ProcessApiInstances.port(secondInstance));

		// when returns come in through both
		List<DemoOrder> orders = List.of(DemoOrders.freshReturnable(), DemoOrders.freshReturnable(),
				DemoOrders.freshReturnable(), DemoOrders.freshReturnable());
		List<Integer> refundsBefore = orders.stream().map(o -> HubSandbox.refundsAtPayment(o.paymentIntentId())).toList();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			DemoOrder order = orders.get(i);
			ProcessApi api = i % 2 == 0 ? one : two;
			ids.add(api.requestReturn(newKey(), order.orderNumber(), "AGENT",
					line(order.lines().get(0).itemNumber(), 1, "UNWANTED"))
				.getBody()
				.path("id")
				.asString());
		}
		for (int i = 0; i < orders.size(); i++) {
			String id = ids.get(i);
			DemoOrderLine line = orders.get(i).lines().get(0);
			String rma = await().atMost(PATIENCE)
				.until(() -> one.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED"))
				.path("rmaNumber")
				.asString();
			receipts(secondInstance).publish(orders.get(i).orderNumber(), rma, 1,
					List.of(WarehouseReceipts.Line.allGood(line.itemNumber(), line.sku(), 1)));
		}

		// then every return closes with one refund each, and every step ran to completion once
		for (int i = 0; i < orders.size(); i++) {
			String id = ids.get(i);
			await().atMost(PATIENCE).until(() -> two.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));
			assertThat(HubSandbox.refundsAtPayment(orders.get(i).paymentIntentId())).isEqualTo(refundsBefore.get(i) + 1);
			JsonNode timeline = one.workflow(id).path("timeline");
			for (String kind : List.of("return.authorized", "refund.succeeded", "refund.posted", "return.closed")) {
				assertThat(timeline).filteredOn(t -> t.path("kind").asString().equals(kind)).as(kind).hasSize(1);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static WarehouseReceipts receipts(ConfigurableApplicationContext instance) {
		return new WarehouseReceipts(instance.getBean(KafkaTemplate.class), instance.getBean(JsonMapper.class));
	}
}
