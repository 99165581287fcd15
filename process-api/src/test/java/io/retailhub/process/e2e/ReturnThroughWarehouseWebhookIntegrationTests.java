package io.retailhub.process.e2e;

import java.time.Duration;

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
 * The receipt the way it really comes: the sandbox WMS receives the parcel and pushes a signed
 * webhook to the system API, which publishes return-received to Kafka for process-api.
 */
@ReturnsIntegrationTest
class ReturnThroughWarehouseWebhookIntegrationTests {

	@Autowired
	ProcessApi api;

	@Test
	void refundsAReturnTheWarehouseReceivedThroughItsWebhook() {
		// given an authorized return
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		String id = api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(line.itemNumber(), 1, "STYLE"))
			.getBody()
			.path("id")
			.asString();
		JsonNode authorized = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED"));

		// when the warehouse receives the parcel
		HubSandbox.receiveParcel(authorized.path("rmaNumber").asString());

		// then the refund completes and the return closes, with one refund at the payment provider
		JsonNode closed = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));
		assertThat(closed.path("lines").get(0).path("quantityReceived").asInt()).isEqualTo(1);
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
	}
}
