package io.retailhub.process.drills;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: the sandbox WMS misbehaves as real webhook senders do, on the real path (signed webhook,
 * system API, Kafka, process-api): every receipt event is delivered twice, and each is held back
 * until the next one has been delivered. A return received in two parcels therefore sees the
 * second parcel's running total first, then the first parcel's, late, each twice; it is refunded
 * once, for both units.
 */
@ReturnsIntegrationTest
class DrillDuplicatedAndReorderedWebhooksIntegrationTests {

	@Autowired
	ProcessApi api;

	@AfterEach
	void calmTheWarehouse() {
		chaos(Map.of("duplicateProbability", 0.0, "outOfOrderProbability", 0.0, "maxHold", "30s"));
	}

	@Test
	void refundsOnceWhenTwoParcelsWebhooksArriveTwiceEachAndOutOfOrder() {
		// given a return of two units of one line, authorized, its case open
		DemoOrder order = DemoOrders.freshReturnable();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		AuthorizedReturn ret = AuthorizedReturn.of(api, order, 2);
		Set<String> deliveriesBefore = deliveries().stream().map(d -> d.path("id").asString()).collect(Collectors.toSet());

		// and a warehouse that sends every webhook twice and holds each back until the next one went out
		chaos(Map.of("duplicateProbability", 1.0, "outOfOrderProbability", 1.0, "maxHold", "20s"));

		// when the two units arrive in two parcels
		HubSandbox.receiveParcel(ret.rmaNumber(), ret.line().itemNumber(), 1);
		HubSandbox.receiveParcel(ret.rmaNumber(), ret.line().itemNumber(), 1);

		// then the warehouse delivered both events twice, the first parcel's after the second's
		List<JsonNode> delivered = await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> deliveries().stream().filter(d -> !deliveriesBefore.contains(d.path("id").asString())).toList(),
					ds -> ds.size() == 4 && ds.stream().allMatch(d -> d.path("state").asString().equals("DELIVERED")));
		Map<String, List<JsonNode>> byEvent = delivered.stream()
			.collect(Collectors.groupingBy(d -> d.path("id").asString()));
		assertThat(byEvent).hasSize(2).allSatisfy((event, copies) -> assertThat(copies)
			.extracting(d -> d.path("duplicate").asBoolean())
			.containsExactlyInAnyOrder(false, true));
		JsonNode firstParcel = original(delivered, 0);
		JsonNode secondParcel = original(delivered, 1);
		assertThat(instant(firstParcel, "deliveredAt")).isAfter(instant(secondParcel, "deliveredAt"));

		// then the return closes with both units received, refunded once
		JsonNode closed = AuthorizedReturn.awaitStatus(api, ret.id(), "CLOSED");
		assertThat(closed.path("lines").get(0).path("quantityReceived").asInt()).isEqualTo(2);
		assertThat(closed.path("lines").get(0).path("quantityAccepted").asInt()).isEqualTo(2);
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	/** The n-th event's original delivery (not the copy), in the order the events were created. */
	private static JsonNode original(List<JsonNode> deliveries, int n) {
		return deliveries.stream()
			.filter(d -> !d.path("duplicate").asBoolean())
			.sorted(Comparator.comparing(d -> instant(d, "createdAt")))
			.toList()
			.get(n);
	}

	private static Instant instant(JsonNode delivery, String member) {
		return Instant.parse(delivery.path(member).asString());
	}

	private static List<JsonNode> deliveries() {
		return RestClient.create()
			.get()
			.uri(HubSandbox.sandboxUrl() + "/admin/warehouse/webhooks/deliveries")
			.retrieve()
			.body(JsonNode.class)
			.valueStream()
			.toList();
	}

	private static void chaos(Map<String, Object> chaos) {
		RestClient.create()
			.put()
			.uri(HubSandbox.sandboxUrl() + "/admin/warehouse/webhooks/chaos")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chaos)
			.retrieve()
			.toBodilessEntity();
	}
}
