package io.retailhub.experience.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.OrderConfirmed;
import io.retailhub.contracts.events.ReturnCanceled;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.events.ReturnRequested;
import io.retailhub.contracts.events.Topics;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.infra.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timeline read model end to end: events published on the real broker, consumed by the
 * timeline's listener into experience-api's own PostgreSQL, read over HTTP. The system API is
 * stopped by the last test, which proves the timeline answers without it (process-api never runs
 * here).
 */
@TimelineIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimelineIntegrationTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TimelineReader reader;

	@Autowired
	MeterRegistry meters;

	PublishedEvents events;

	RestClient http;

	@BeforeEach
	void setUp() {
		this.events = new PublishedEvents(this.kafka, this.json);
		this.http = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	@Order(1)
	void recordsADuplicatedEventOnce() {
		ReturnStory story = ReturnStory.fresh();
		String eventId = UUID.randomUUID().toString();
		long delaysBefore = projectionDelay().count();

		this.events.publish(story.requested(ReturnChannel.PORTAL), eventId, 1);
		this.events.publish(story.requested(ReturnChannel.PORTAL), eventId, 1);
		String marker = this.events.publish(story.authorized());

		await().atMost(Duration.ofSeconds(20)).until(() -> entryWithEvent(marker) == 1);
		assertThat(entryWithEvent(eventId)).isEqualTo(1);
		assertThat(kinds(story)).containsExactly("RETURN_AUTHORIZED", "RETURN_REQUESTED");
		// and how far behind the read model is was measured for each record read, the duplicate's too
		// (its values are not asserted: records other test classes left on the shared broker count too)
		assertThat(projectionDelay().count()).isGreaterThanOrEqualTo(delaysBefore + 3);
	}

	private Timer projectionDelay() {
		return this.meters.get("retailhub.timeline.projection.delay").timer();
	}

	@Test
	@Order(2)
	void ordersEntriesByWhenTheyHappenedWhateverTheOrderTheyArrivedIn() {
		ReturnStory story = ReturnStory.fresh();

		this.events.publish(story.closed());
		this.events.publish(story.refundPosted());
		this.events.publish(story.inspected());
		this.events.publish(story.placed());
		this.events.publish(story.requested(ReturnChannel.AGENT));

		await().atMost(Duration.ofSeconds(20)).until(() -> kinds(story).size() == 5);
		assertThat(kinds(story)).containsExactly("RETURN_CLOSED", "REFUND_POSTED", "RETURN_INSPECTED",
				"RETURN_REQUESTED", "ORDER_PLACED");
	}

	@Test
	@Order(3)
	void aReturnsEventsMakeTheEntriesOfItsOrderAndCustomer() {
		ReturnStory story = ReturnStory.fresh();

		// the warehouse's receipt overtakes the return's authorization; the refund's events carry no customer
		this.events.publish(story.received());
		this.events.publish(story.requested(ReturnChannel.PORTAL));
		this.events.publish(story.authorized());
		this.events.publish(story.caseOpened());
		this.events.publish(story.inspected());
		this.events.publish(story.refundRequested());
		this.events.publish(story.caseNoted());
		this.events.publish(story.refundPosted());
		this.events.publish(story.closed());
		this.events.publish(story.caseClosed());

		await().atMost(Duration.ofSeconds(20)).until(() -> kinds(story).size() == 10);
		JsonNode timeline = get("/api/agent/v1/orders/{id}/timeline", story.order.value()).getBody();
		List<JsonNode> entries = list(timeline.get("entries"));
		assertThat(entries).extracting(entry -> entry.get("kind").asString())
			.containsExactly("CASE_CLOSED", "RETURN_CLOSED", "REFUND_POSTED", "CASE_COMMENTED", "REFUND_REQUESTED",
					"RETURN_INSPECTED", "RETURN_RECEIVED", "CASE_OPENED", "RETURN_AUTHORIZED", "RETURN_REQUESTED");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.get("customerId").asString()).isEqualTo(story.customer.value());
			assertThat(entry.get("source").asString()).isIn("process-api", "system-api");
			assertThat(entry.get("title").asString()).isNotBlank();
		});
		JsonNode received = entries.get(6);
		assertThat(received.get("returnId").asString()).isEqualTo(story.returnId.value().toString());
		assertThat(received.get("source").asString()).isEqualTo("system-api");
		assertThat(entries.get(8).get("title").asString())
			.isEqualTo("Return authorized: RMA " + story.rma + ", ship by 13 Apr 2026, estimated refund 24.99 USD");
		assertThat(entries.get(2).get("title").asString()).isEqualTo("Refund of 24.99 USD issued");

		JsonNode customerTimeline = get("/api/agent/v1/customers/{id}/timeline", story.customer.value()).getBody();
		assertThat(list(customerTimeline.get("entries"))).hasSize(10);

		OrderActivity activity = this.reader.orderActivity(story.order.value());
		assertThat(activity.customerId()).isEqualTo(story.customer.value());
		assertThat(activity.returns()).singleElement().satisfies(state -> {
			assertThat(state.status()).isEqualTo("CLOSED");
			assertThat(state.rmaNumber()).isEqualTo(story.rma.value());
			assertThat(state.refundAmount()).isEqualTo(ReturnStory.usd("24.99"));
			assertThat(state.channel()).isEqualTo("PORTAL");
			assertThat(state.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
			assertThat(state.closedAt()).isNotNull();
		});
		assertThat(activity.refunds()).singleElement().satisfies(state -> {
			assertThat(state.status()).isEqualTo("POSTED");
			assertThat(state.amount()).isEqualTo(ReturnStory.usd("24.99"));
		});
		assertThat(activity.cases()).singleElement().satisfies(state -> {
			assertThat(state.status()).isEqualTo("CLOSED");
			assertThat(state.caseNumber()).isEqualTo("00001042");
		});
		assertThat(activity.asOf()).isNotNull();
	}

	@Test
	@Order(4)
	void recordsWhoActedWhenTheEventSaysSo() {
		ReturnStory story = ReturnStory.fresh();
		ReturnRequested requested = story.requested(ReturnChannel.AGENT);
		this.events.publish(new ReturnRequested(requested.returnId(), requested.orderId(), requested.customerId(),
				requested.channel(), requested.lines(), requested.occurredAt(), ActingUser.of("agent:agent.ava")));
		this.events.publish(new ReturnCanceled(story.returnId, story.order, null, ReturnChannel.STORE, "kept it",
				Instant.parse("2026-03-15T11:00:00Z"), ActingUser.of("store:store.nyc@STORE-NYC")));

		await().atMost(Duration.ofSeconds(20)).until(() -> kinds(story).size() == 2);
		JsonNode entries = get("/api/agent/v1/orders/{id}/timeline", story.order.value()).getBody().get("entries");
		assertThat(entries.get(0).get("kind").asString()).isEqualTo("RETURN_CANCELED");
		assertThat(entries.get(0).get("actor").asString()).isEqualTo("store:store.nyc@STORE-NYC");
		assertThat(entries.get(1).get("actor").asString()).isEqualTo("agent:agent.ava");
		assertThat(this.reader.orderActivity(story.order.value()).returns())
			.singleElement()
			.satisfies(state -> assertThat(state.requestedBy()).isEqualTo("agent:agent.ava"));
	}

	@Test
	@Order(5)
	void pagesACustomersTimelineWithABeforeCursor() {
		ReturnStory story = ReturnStory.fresh();
		this.events.publish(story.placed());
		this.events.publish(story.requested(ReturnChannel.PORTAL));
		this.events.publish(story.authorized());
		await().atMost(Duration.ofSeconds(20)).until(() -> kinds(story).size() == 3);

		JsonNode first = get("/api/agent/v1/customers/{id}/timeline?limit=2", story.customer.value()).getBody();
		assertThat(list(first.get("entries"))).extracting(entry -> entry.get("kind").asString())
			.containsExactly("RETURN_AUTHORIZED", "RETURN_REQUESTED");
		long before = first.get("nextBefore").asLong();
		JsonNode second = get("/api/agent/v1/customers/{id}/timeline?limit=2&before=" + before,
				story.customer.value()).getBody();
		assertThat(list(second.get("entries"))).extracting(entry -> entry.get("kind").asString())
			.containsExactly("ORDER_PLACED");
		assertThat(second.has("nextBefore")).isFalse();
	}

	@Test
	@Order(6)
	void refusesAnOutOfBoundsLimitNamingIt() {
		ResponseEntity<JsonNode> answer = get("/api/agent/v1/orders/{id}/timeline?limit=1000", "WEB-100001");

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(answer.getBody().get("errors").get(0).get("field").asString()).isEqualTo("limit");
	}

	@Test
	@Order(7)
	void sendsAnUnreadableEventToItsDeadLetterTopicAndRecordsNothing() {
		ReturnStory story = ReturnStory.fresh();
		String poison = UUID.randomUUID().toString();
		double deadLettersBefore = this.meters.get("retailhub.timeline.dead.letters").tag("topic", Topics.CASES).counter().count();
		this.events.publishRaw(EventType.CASE_UPDATED, story.order.value(), poison,
				"{\"caseId\": 42".getBytes(StandardCharsets.UTF_8));
		String after = this.events.publish(story.caseClosed());

		await().atMost(Duration.ofSeconds(20)).until(() -> entryWithEvent(after) == 1);
		assertThat(entryWithEvent(poison)).isZero();
		assertThat(deadLetterIds(Topics.deadLetter(Topics.CASES, "experience-api"))).contains(poison);
		assertThat(this.meters.get("retailhub.timeline.dead.letters").tag("topic", Topics.CASES).counter().count())
			.isEqualTo(deadLettersBefore + 1);
	}

	@Test
	@Order(8)
	void learnsTheCustomerPlacementAndParcelsOfAnOrderFromTheSystemApi() {
		// a seeded order of the sandbox: delivered; an event without a customer names it
		ReturnStory story = ReturnStory.fresh();
		String orderId = "WEB-100001";
		String eventId = UUID.randomUUID().toString();
		this.events.publishRaw(EventType.CASE_CLOSED, orderId, eventId, ("{\"caseId\":\"" + story.caseId
				+ "\",\"externalId\":\"x\",\"orderId\":\"" + orderId
				+ "\",\"resolution\":\"Answered\",\"occurredAt\":\"2026-11-30T10:00:00Z\"}")
			.getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<TimelineEntry> entries = this.reader.orderTimeline(orderId, null, 200).entries();
			assertThat(entries).extracting(TimelineEntry::kind)
				.contains(EntryKind.ORDER_PLACED, EntryKind.ORDER_SHIPPED, EntryKind.ORDER_DELIVERED,
						EntryKind.CASE_CLOSED);
			assertThat(entries).filteredOn(entry -> entry.eventId().equals(eventId))
				.singleElement()
				.satisfies(entry -> assertThat(entry.customerId()).isEqualTo("17100001"));
		});
		assertThat(this.reader.customerOf(orderId)).contains("17100001");
	}

	@Test
	@Order(9)
	void recordsAnOrderPlacedOnceWhetherTheLookupOrTheConfirmationToldIt() {
		// a seeded order of the sandbox, confirmed by an event as process-api's order feed would
		String orderId = "WEB-100002";
		OrderConfirmed confirmed = new OrderConfirmed(OrderId.of(orderId), CustomerId.of("17100001"), SalesChannel.WEB,
				Instant.parse("2026-11-20T00:00:00Z"), ReturnStory.usd("10.00"),
				List.of(new OrderConfirmed.Line("10", Sku.of("MAT-1001"), 1, ReturnStory.usd("10.00"),
						ReturnStory.usd("10.00"))),
				Instant.parse("2026-11-20T00:00:05Z"));
		String eventId = this.events.publish(confirmed);

		// the lookup of the order it caused read the placement too, and its parcels
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT status FROM order_lookup WHERE order_id = ?")
				.param(orderId)
				.query(String.class)
				.optional()
				.map(status -> this.jdbc.sql("SELECT attempts FROM order_lookup WHERE order_id = ?")
					.param(orderId)
					.query(Integer.class)
					.single() == 0 && this.reader.orderTimeline(orderId, null, 200)
						.entries()
						.stream()
						.anyMatch(entry -> entry.kind() == EntryKind.ORDER_SHIPPED))
				.orElse(false));
		List<TimelineEntry> placed = this.reader.orderTimeline(orderId, null, 200)
			.entries()
			.stream()
			.filter(entry -> entry.kind() == EntryKind.ORDER_PLACED)
			.toList();
		assertThat(placed).singleElement().satisfies(entry -> assertThat(entry.eventId()).isEqualTo(eventId));
	}

	@Test
	@Order(10)
	void servesTheReturnsPanelStaleFromTheReadModelWhileProcessApiIsDown() {
		String orderId = "WEB-TL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String customerId = "17100001";
		TimelineWorld.placeOrder(orderId, customerId);

		// process-api does not answer and the read model knows nothing of the order yet: the panel
		// says so instead of showing an empty list
		JsonNode unknown = get("/api/agent/v1/orders/{id}", orderId).getBody().get("panels");
		assertThat(unknown.get("order").get("status").asString()).isEqualTo("OK");
		assertThat(unknown.get("returns").get("status").asString()).isEqualTo("UNAVAILABLE");
		assertThat(unknown.get("returns").path("data").isNull() || unknown.get("returns").path("data").isMissingNode())
			.isTrue();

		ReturnStory story = ReturnStory.onOrder(OrderId.of(orderId), customerId);
		this.events.publish(story.requested(ReturnChannel.AGENT));
		this.events.publish(story.authorized());
		this.events.publish(story.shipped());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> kinds(story).containsAll(List.of("RETURN_REQUESTED", "RETURN_AUTHORIZED", "RETURN_SHIPPED")));

		ResponseEntity<JsonNode> answer = get("/api/agent/v1/orders/{id}", orderId);
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		JsonNode panels = answer.getBody().get("panels");
		JsonNode returns = panels.get("returns");
		assertThat(returns.get("status").asString()).isEqualTo("STALE");
		assertThat(returns.get("source").asString()).isEqualTo("timeline");
		// as of the latest entry about the order (its placement, which the order lookup recorded, or the RMA)
		assertThat(Instant.parse(returns.get("asOf").asString())).isAfterOrEqualTo(story.authorized().occurredAt());
		assertThat(returns.get("error").get("code").asString()).isEqualTo("BACKEND_UNAVAILABLE");
		assertThat(returns.get("data")).singleElement().satisfies(known -> {
			assertThat(known.get("id").asString()).isEqualTo(story.returnId.toString());
			assertThat(known.get("status").asString()).isEqualTo("AUTHORIZED");
			assertThat(known.get("rmaNumber").asString()).isEqualTo(story.rma.value());
			assertThat(known.get("parcel").get("trackingCode").asString()).isEqualTo("9400111899223100000001");
		});
		// the panels with fresh sources answer; what hangs on the returns is not offered on stale data
		assertThat(panels.get("order").get("status").asString()).isEqualTo("OK");
		assertThat(panels.get("profile").get("status").asString()).isEqualTo("OK");
		assertThat(panels.get("eligibility").get("status").asString()).isEqualTo("UNAVAILABLE");
		assertThat(answer.getBody().get("actions").findValuesAsString("name")).doesNotContain("CANCEL_RETURN",
				"START_RETURN");

		// and with ERP down too, the profile comes by the customer the read model recorded
		TimelineWorld.outage(Backend.ERP);
		try {
			JsonNode withoutErp = get("/api/agent/v1/orders/{id}", orderId).getBody();
			JsonNode degraded = withoutErp.get("panels");
			assertThat(degraded.get("order").get("status").asString()).isEqualTo("UNAVAILABLE");
			assertThat(degraded.get("eligibility").get("status").asString()).isEqualTo("UNAVAILABLE");
			assertThat(degraded.get("returns").get("status").asString()).isEqualTo("STALE");
			for (String panel : List.of("profile", "shipments", "payment", "cases")) {
				assertThat(degraded.get(panel).get("status").asString()).as(panel).isEqualTo("OK");
			}
			assertThat(degraded.get("profile").get("data").get("id").asString()).isEqualTo(customerId);
			assertThat(withoutErp.get("customerId").asString()).isEqualTo(customerId);

			// and the shopper's portal answers too: the read model says whose order it is
			String shopper = TimelineWorld.token("customer." + customerId);
			ResponseEntity<JsonNode> portal = getAs(shopper, "/api/portal/v1/orders/{id}", orderId);
			assertThat(portal.getStatusCode().value()).isEqualTo(200);
			assertThat(portal.getBody().get("order").get("status").asString()).isEqualTo("UNAVAILABLE");
			assertThat(portal.getBody().get("shipments").get("status").asString()).isEqualTo("OK");
			assertThat(portal.getBody().get("returns").get("status").asString()).isEqualTo("STALE");
			assertThat(portal.getBody().get("returns").get("data").get(0).get("status").asString())
				.isEqualTo("ON_THE_WAY");
			assertThat(portal.getBody().get("returns").get("data").get(0).get("canCancel").asBoolean()).isFalse();
			assertThat(getAs(shopper, "/api/portal/v1/orders").getBody().get("orders").get("status").asString())
				.isEqualTo("UNAVAILABLE");
			// another shopper still gets 404, and an order the read model does not know cannot be told
			assertThat(getAs(TimelineWorld.token("customer.17100002"), "/api/portal/v1/orders/{id}", orderId)
				.getStatusCode()
				.value()).isEqualTo(404);
			assertThat(getAs(shopper, "/api/portal/v1/orders/{id}", "WEB-999997").getStatusCode().value())
				.isEqualTo(503);
		}
		finally {
			TimelineWorld.clearFaults();
		}
	}

	@Test
	@Order(100)
	void answersFromTheReadModelWhileTheSystemApiIsStoppedAndProcessApiIsDown() {
		ReturnStory story = ReturnStory.fresh();
		TimelineWorld.stopSystemApi();
		assertThat(reachable(TimelineWorld.systemApiUrl())).isFalse();
		assertThat(reachable(TimelineWorld.NO_PROCESS_API)).isFalse();

		this.events.publish(story.placed());
		this.events.publish(story.requested(ReturnChannel.PORTAL));
		this.events.publish(story.refundRequested());

		await().atMost(Duration.ofSeconds(20)).until(() -> kinds(story).size() == 3);
		ResponseEntity<JsonNode> order = get("/api/agent/v1/orders/{id}/timeline", story.order.value());
		assertThat(order.getStatusCode().value()).isEqualTo(200);
		assertThat(list(order.getBody().get("entries"))).hasSize(3);
		ResponseEntity<JsonNode> customer = get("/api/agent/v1/customers/{id}/timeline", story.customer.value());
		assertThat(list(customer.getBody().get("entries"))).hasSize(3);
		// the lookup of the order failed and waits for the system API to come back
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT attempts FROM order_lookup WHERE order_id = ?")
				.param(story.order.value())
				.query(Integer.class)
				.optional()
				.orElse(0) > 0);
	}

	private ResponseEntity<JsonNode> get(String uri, Object... variables) {
		return getAs(TimelineWorld.token("agent.ava"), uri, variables);
	}

	private ResponseEntity<JsonNode> getAs(String token, String uri, Object... variables) {
		return this.http.get()
			.uri(uri, variables)
			.header("Authorization", "Bearer " + token)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(JsonNode.class);
	}

	private int entryWithEvent(String eventId) {
		return this.jdbc.sql("SELECT count(*) FROM timeline_entry WHERE event_id = ?")
			.param(eventId)
			.query(Integer.class)
			.single();
	}

	/** The kinds of the story's order's entries, newest first. */
	private List<String> kinds(ReturnStory story) {
		return this.reader.orderTimeline(story.order.value(), null, 200)
			.entries()
			.stream()
			.map(entry -> entry.kind().name())
			.toList();
	}

	private static List<JsonNode> list(JsonNode array) {
		return array.valueStream().toList();
	}

	private static boolean reachable(String url) {
		try {
			RestClient.create(url).get().uri("/actuator/health").retrieve().toBodilessEntity();
			return true;
		}
		catch (RuntimeException ex) {
			return !(ex instanceof ResourceAccessException);
		}
	}

	private static List<String> deadLetterIds(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.kafka().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"timeline-dlt-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<String> ids = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
				}
				if (!ids.isEmpty()) {
					return ids;
				}
			}
			return ids;
		}
	}

}
