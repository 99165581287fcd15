package io.retailhub.process.e2e;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

	/**
	 * Every step of a workflow runs in the trace of the request that started it, also the steps a
	 * later outside event (the warehouse's receipt, which comes with a trace of its own) scheduled;
	 * the events the steps record go to Kafka in that trace, in their CloudEvents extension and in
	 * the W3C header each hop reads.
	 */
	@Test
	void recordsTheReturnsEventsInTheTraceOfTheRequestThatStartedIt() {
		// given a return requested in a trace of the caller's
		DemoOrder order = DemoOrders.freshReturnable();
		String traceId = hex(16);
		String id = api.requestReturnInTrace("00-" + traceId + "-" + hex(8) + "-01", newKey(), order.orderNumber(),
				"PORTAL", line(order.lines().get(0).itemNumber(), 1, "STYLE"))
			.getBody()
			.path("id")
			.asString();
		JsonNode authorized = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED"));

		// when the warehouse receives the parcel and the workflow goes on to the end
		HubSandbox.receiveParcel(authorized.path("rmaNumber").asString());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));

		// then what the workflow's steps recorded, from the request to the closing, is in the request's trace
		List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(30))
			.until(() -> PublishedEvents.records(Topics.RETURNS, order.orderNumber()),
					records -> records.stream().anyMatch(record -> isType(record, EventType.RETURN_CLOSED)));
		events.addAll(PublishedEvents.records(Topics.REFUNDS, order.orderNumber()));
		for (EventType type : List.of(EventType.RETURN_REQUESTED, EventType.RETURN_AUTHORIZED, EventType.REFUND_POSTED,
				EventType.RETURN_CLOSED)) {
			ConsumerRecord<String, byte[]> event = events.stream()
				.filter(record -> isType(record, type))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + type + " event for " + order.orderNumber()));
			assertThat(traceIdOf(PublishedEvents.header(event, CloudEventHeaders.TRACE_PARENT))).as("ce_traceparent of %s", type)
				.isEqualTo(traceId);
			assertThat(traceIdOf(PublishedEvents.header(event, "traceparent"))).as("traceparent of %s", type)
				.isEqualTo(traceId);
		}
		// and the receipt, which the warehouse started, came in a trace of its own
		ConsumerRecord<String, byte[]> received = events.stream()
			.filter(record -> isType(record, EventType.RETURN_RECEIVED))
			.findFirst()
			.orElseThrow();
		assertThat(traceIdOf(PublishedEvents.header(received, "traceparent"))).isNotNull().isNotEqualTo(traceId);
	}

	private static boolean isType(ConsumerRecord<String, byte[]> record, EventType type) {
		return type.type().equals(PublishedEvents.header(record, CloudEventHeaders.TYPE));
	}

	/** The trace ID of a W3C traceparent, null without one. */
	private static String traceIdOf(String traceparent) {
		return traceparent == null ? null : traceparent.split("-")[1];
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
