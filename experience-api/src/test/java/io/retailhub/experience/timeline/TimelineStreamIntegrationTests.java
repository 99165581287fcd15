package io.retailhub.experience.timeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.experience.ExperienceApiApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live timeline over Server-Sent Events, on real HTTP connections: entries recorded after a
 * client connected reach it, a reconnect with {@code Last-Event-ID} gets what it missed, and an
 * instance that consumes nothing streams what another instance recorded.
 */
@TimelineIntegrationTest
class TimelineStreamIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.events = new PublishedEvents(this.kafka, this.json);
	}

	@Test
	void pushesAnEntryRecordedAfterTheClientConnected() {
		ReturnStory story = ReturnStory.fresh();
		try (SseClient client = SseClient.connect(url(this.port, "/api/agent/v1/orders/" + story.order + "/timeline/stream"),
				agent())) {
			assertThat(client.status()).isEqualTo(200);
			assertThat(client.contentType()).startsWith("text/event-stream");

			String eventId = this.events.publish(story.requested(ReturnChannel.PORTAL));

			await().atMost(PATIENCE).until(() -> client.events().size() == 1);
			SseClient.Event event = client.events().get(0);
			assertThat(event.name()).isEqualTo(TimelineStreams.EVENT);
			JsonNode entry = this.json.readTree(event.data());
			assertThat(entry.get("eventId").asString()).isEqualTo(eventId);
			assertThat(entry.get("kind").asString()).isEqualTo("RETURN_REQUESTED");
			assertThat(event.id()).isEqualTo(entry.get("id").asString());
		}
	}

	@Test
	void aClientThatReconnectsWithLastEventIdGetsWhatItMissedThenWhatIsNew() {
		ReturnStory story = ReturnStory.fresh();
		String stream = url(this.port, "/api/agent/v1/customers/" + story.customer + "/timeline/stream");
		String lastSeen;
		try (SseClient client = SseClient.connect(stream, agent())) {
			this.events.publish(story.requested(ReturnChannel.PORTAL));
			await().atMost(PATIENCE).until(() -> client.events().size() == 1);
			lastSeen = client.events().get(0).id();
		}
		// while disconnected
		this.events.publish(story.authorized());
		this.events.publish(story.caseOpened());
		await().atMost(PATIENCE).until(() -> entriesOf(story) == 3);

		try (SseClient client = SseClient.connect(stream, agent("Last-Event-ID", lastSeen))) {
			await().atMost(PATIENCE).until(() -> client.events().size() == 2);
			this.events.publish(story.received());
			await().atMost(PATIENCE).until(() -> client.events().size() == 3);
			assertThat(client.events()).extracting(event -> kind(event))
				.containsExactly("RETURN_AUTHORIZED", "CASE_OPENED", "RETURN_RECEIVED");
			assertThat(client.events()).extracting(SseClient.Event::id).doesNotContain(lastSeen).doesNotHaveDuplicates();
		}
	}

	@Test
	void saysAtOnceThatTheStreamIsOpenAndKeepsItOpenWithHeartbeats() {
		ReturnStory story = ReturnStory.fresh();
		try (SseClient client = SseClient.connect(url(this.port, "/api/agent/v1/orders/" + story.order + "/timeline/stream"),
				agent())) {
			await().atMost(PATIENCE).until(() -> client.comments().contains("heartbeat"));
			assertThat(client.comments()).first().isEqualTo("open");
		}
	}

	@Test
	void refusesALastEventIdThatIsNoEntryId() {
		try (SseClient client = SseClient.connect(url(this.port, "/api/agent/v1/orders/WEB-100001/timeline/stream"),
				agent("Last-Event-ID", "yesterday"))) {
			assertThat(client.status()).isEqualTo(400);
			assertThat(client.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void anInstanceThatConsumesNothingStreamsWhatAnotherInstanceRecorded() {
		Map<String, Object> properties = new HashMap<>(TimelineWorld.properties());
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("retailhub.timeline.listener-enabled", "false");
		properties.put("retailhub.timeline.lookup.enabled", "false");
		properties.put("retailhub.timeline.stream.poll-interval", "50ms");
		// as command-line arguments: they outrank experience-api.yml
		String[] arguments = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		try (ConfigurableApplicationContext second = ExperienceApiApplication.builder().run(arguments)) {
			assertThat(second.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer(TimelineListener.ID)
				.isRunning()).isFalse();
			int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
			ReturnStory story = ReturnStory.fresh();
			try (SseClient client = SseClient.connect(
					url(secondPort, "/api/agent/v1/orders/" + story.order + "/timeline/stream"), agent())) {
				String eventId = this.events.publish(story.placed());

				await().atMost(PATIENCE).until(() -> client.events().size() == 1);
				assertThat(this.json.readTree(client.events().get(0).data()).get("eventId").asString())
					.isEqualTo(eventId);
			}
		}
	}

	private static Map<String, String> agent() {
		return Map.of("Authorization", "Bearer " + TimelineWorld.token("agent.ava"));
	}

	private static Map<String, String> agent(String header, String value) {
		return Map.of("Authorization", "Bearer " + TimelineWorld.token("agent.ava"), header, value);
	}

	private String kind(SseClient.Event event) {
		return this.json.readTree(event.data()).get("kind").asString();
	}

	private int entriesOf(ReturnStory story) {
		return this.jdbc.sql("SELECT count(*) FROM timeline_entry WHERE order_id = ?")
			.param(story.order.value())
			.query(Integer.class)
			.single();
	}

	private static String url(int port, String path) {
		return "http://localhost:" + port + path;
	}

}
