package io.retailhub.process.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
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
		HubSandbox.backendBean(PaymentLedger.class).resetRefundBehavior();
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

		// when the parcel arrives, and the instance stops while the payment provider is still working on the refund
		HubSandbox.backendBean(PaymentLedger.class).refundBehavior(new RefundBehavior("succeeded", null, 2_500L));
		receipts(first).publish(order.orderNumber(), rma, 1,
				List.of(WarehouseReceipts.Line.allGood(line.itemNumber(), line.sku(), 1)));
		await().atMost(PATIENCE)
			.until(() -> api.workflow(id).path("refundStatus").asString(), "SUBMITTED"::equals);
		first.close();
		HubSandbox.backendBean(PaymentLedger.class).resetRefundBehavior();

		// then another instance takes over and finishes, with one refund at the payment provider
		ConfigurableApplicationContext second = start("second");
		ProcessApi takeover = new ProcessApi(ProcessApiInstances.port(second));
		JsonNode closed = await().atMost(PATIENCE)
			.until(() -> takeover.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));
		assertThat(closed.path("refundAmount").path("amount").decimalValue()).isPositive();
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
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
