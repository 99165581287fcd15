package io.retailhub.process.returns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.StepHistory;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.process.workflows.ReturnWorkflow;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A return of which only part arrived waits {@code retailhub.returns.partial-receipt-grace} for
 * the rest (2 s in these tests), then {@code return.inspect-partial} inspects what is there and
 * refunds that.
 */
@ReturnsIntegrationTest
class PartialReceiptIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Autowired
	ReturnSettings settings;

	@Test
	void inspectsWhatArrivedOnceTheGracePeriodForTheRestIsOver() {
		// given an authorized return of two units
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().stream().filter(l -> l.quantity() >= 2).findFirst().orElseThrow();
		String id = api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(line.itemNumber(), 2, "UNWANTED"))
			.getBody()
			.path("id")
			.asString();
		String rma = awaitReturn(id, "AUTHORIZED").path("rmaNumber").asString();

		// when only one of them arrives
		Instant beforeTheReceipt = Instant.now();
		warehouse.publish(order.orderNumber(), rma, 1,
				List.of(new WarehouseReceipts.Line(line.itemNumber(), line.sku(), 2, 1, 0, 0)));

		// then the return is partly received, and the partial inspection is due a grace period after the receipt
		awaitReturn(id, "PARTIALLY_RECEIVED");
		JsonNode waiting = api.workflow(id);
		Instant receivedAt = Instant.parse(waiting.path("timeline")
			.valueStream()
			.filter(t -> t.path("kind").asString().equals("return.received"))
			.findFirst()
			.orElseThrow()
			.path("at")
			.asString());
		JsonNode partial = step(waiting, ReturnWorkflow.INSPECT_PARTIAL);
		Instant dueAt = Instant.parse(partial.path("dueAt").asString());
		assertThat(dueAt).isBetween(beforeTheReceipt.plus(settings.partialReceiptGrace()),
				receivedAt.plus(settings.partialReceiptGrace()));
		assertThat(waiting.path("steps").valueStream().map(s -> s.path("step").asString()))
			.doesNotContain(ReturnWorkflow.INSPECT);

		// and once the grace period is over, the partial inspection inspects the one unit, which is refunded
		JsonNode closed = awaitReturn(id, "CLOSED");
		assertThat(closed.path("lines").get(0).path("quantityReceived").asInt()).isEqualTo(1);
		assertThat(closed.path("lines").get(0).path("quantityAccepted").asInt()).isEqualTo(1);
		assertThat(closed.path("refundAmount").path("amount").decimalValue()).isPositive();
		JsonNode workflow = api.workflow(id);
		assertThat(step(workflow, ReturnWorkflow.INSPECT_PARTIAL).path("status").asString()).isEqualTo("DONE");
		assertThat(workflow.path("steps").valueStream().map(s -> s.path("step").asString()))
			.doesNotContain(ReturnWorkflow.INSPECT);
		// not before it was due: the claim compares the due time with the database's clock
		assertThat(Instant.parse(StepHistory.last(StepHistory.of(workflow, ReturnWorkflow.INSPECT_PARTIAL))
			.path("startedAt")
			.asString())).isAfterOrEqualTo(dueAt);
	}

	private static JsonNode step(JsonNode workflow, String name) {
		return workflow.path("steps")
			.valueStream()
			.filter(s -> s.path("step").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + name + " in " + workflow));
	}

	private JsonNode awaitReturn(String id, String status) {
		return await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals(status));
	}
}
