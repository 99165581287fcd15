package io.retailhub.process.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.platform.kafka.DeadLetterHeaders;
import io.retailhub.process.platform.kafka.DeadLetterTopics;
import io.retailhub.process.platform.kafka.PoisonEventException;
import io.retailhub.process.support.FailingOnceRecoverer;
import io.retailhub.process.support.ProcessApiIntegrationTest;
import io.retailhub.process.support.RecordedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.web.client.RestClient;

@ProcessApiIntegrationTest
class DeadLetterIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String DEAD_LETTERS = "/api/process/v1/dead-letters";

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	RecordedEvents events;

	@Autowired
	ConsumerRecordRecoverer deadLetterRecoverer;

	@Autowired
	DeadLetterListener listener;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private RestClient http;

	@BeforeEach
	void client() {
		this.http = HubSandbox.withServiceToken()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void poisonEventIsDeadLetteredWithItsBytesAndErrorThenReplayedIdempotentlyOnceFixed() {
		// given an event the consumer cannot process (a kind it does not know yet)
		String eventId = UUID.randomUUID().toString();
		byte[] payload = "{\"kind\":\"novel\",\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);

		// when it is published
		send(eventId, "order-" + eventId, payload);

		// then it is dead-lettered at once (poison is not retried) and stored with its bytes and error
		UUID deadLetterId = awaitDeadLetter(eventId);
		assertThat(this.events.deliveries(eventId)).hasSize(1);
		assertThat(this.events.timesProcessed(eventId)).isZero();
		JsonNode detail = body(this.http.get().uri(DEAD_LETTERS + "/{id}", deadLetterId).retrieve().toEntity(String.class));
		assertThat(detail.path("originalTopic").asString()).isEqualTo(RecordedEvents.TEST_TOPIC);
		assertThat(detail.path("key").asString()).isEqualTo("order-" + eventId);
		assertThat(detail.path("eventId").asString()).isEqualTo(eventId);
		assertThat(detail.path("payloadText").asString()).isEqualTo(new String(payload, StandardCharsets.UTF_8));
		assertThat(Base64.getDecoder().decode(detail.path("payloadBase64").asString())).isEqualTo(payload);
		assertThat(detail.path("error").asString())
			.isEqualTo("PoisonEventException: this consumer does not know events of kind 'novel'");
		assertThat(detail.path("replayCount").asInt()).isZero();
		assertThat(detail.path("headers").valueStream().map(h -> h.path("name").asString()))
			.contains(CloudEventHeaders.ID, KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_ORIGINAL_OFFSET);

		// when the consumer is fixed and ops replay the dead letter
		this.events.accept("novel");
		ResponseEntity<String> replay = replay(deadLetterId);

		// then the original event (same ce_id, same bytes) is processed, once
		assertThat(replay.getStatusCode().value()).isEqualTo(202);
		assertThat(body(replay).path("replayCount").asInt()).isEqualTo(1);
		await().atMost(PATIENCE).until(() -> this.events.timesProcessed(eventId) == 1);
		ConsumerRecord<String, byte[]> replayed = this.events.deliveries(eventId).get(1);
		assertThat(replayed.value()).isEqualTo(payload);
		assertThat(replayed.key()).isEqualTo("order-" + eventId);
		assertThat(replayed.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNull();

		// when it is replayed again
		ResponseEntity<String> again = replay(deadLetterId);

		// then it is delivered again but not processed again: the inbox knows its ce_id
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(body(again).path("replayCount").asInt()).isEqualTo(2);
		await().atMost(PATIENCE).until(() -> this.events.deliveries(eventId).size() == 3);
		assertThat(this.events.timesProcessed(eventId)).isEqualTo(1);
		assertThat(deadLettersOf(eventId)).isEqualTo(1);
	}

	@Test
	void deadLetterCarriesEveryStandardHeaderWithTheConsumerGroupAndTheHubsOwn() {
		// given a poison event
		String eventId = UUID.randomUUID().toString();
		send(eventId, "order-" + eventId, "{\"kind\":\"novel\"}".getBytes(StandardCharsets.UTF_8));

		// when it is dead-lettered
		UUID deadLetterId = awaitDeadLetter(eventId);
		JsonNode detail = body(this.http.get().uri(DEAD_LETTERS + "/{id}", deadLetterId).retrieve().toEntity(String.class));

		// then it carries Spring Kafka's headers, the consumer group included, about the listener's own exception
		Map<String, String> headers = new HashMap<>();
		detail.path("headers").valueStream().forEach(h -> headers.put(h.path("name").asString(), h.path("value").asString()));
		assertThat(headers).containsKeys(KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_PARTITION,
				KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
				KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
				KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
				KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
		assertThat(headers.get(KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(RecordedEvents.TEST_TOPIC);
		assertThat(headers.get(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).startsWith("platform-tests-events-");
		assertThat(headers.get(KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(PoisonEventException.class.getName());
		assertThat(headers.get(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(PoisonEventException.class.getName());
		assertThat(headers.get(KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.isEqualTo("this consumer does not know events of kind 'novel'");
		assertThat(headers.get(KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
			.startsWith(PoisonEventException.class.getName() + ": this consumer does not know");
		// and the hub's own: the error as the API shows it, and the root cause
		assertThat(headers.get(DeadLetterHeaders.ERROR)).isEqualTo(detail.path("error").asString())
			.isEqualTo("PoisonEventException: this consumer does not know events of kind 'novel'");
		assertThat(headers.get(DeadLetterHeaders.ROOT_CAUSE_FQCN)).isEqualTo(PoisonEventException.class.getName());
		assertThat(headers.get(DeadLetterHeaders.ROOT_CAUSE_MESSAGE))
			.isEqualTo("this consumer does not know events of kind 'novel'");
	}

	@Test
	void deadLetterErrorNamesTheRootCauseWithItsOwnMessageAndTheListenersAsContext() {
		// given an event whose payload is not JSON: the listener's PoisonEventException wraps Jackson's exception
		String eventId = UUID.randomUUID().toString();
		byte[] unreadable = "{\"kind\": [\"not json".getBytes(StandardCharsets.UTF_8);
		Exception root = catchException(() -> this.json.readValue(unreadable, JsonNode.class));

		// when it is dead-lettered
		send(eventId, "order-" + eventId, unreadable);
		UUID deadLetterId = awaitDeadLetter(eventId);

		// then the API's error pairs the root cause's class with its own message, the listener's message as context
		JsonNode detail = body(this.http.get().uri(DEAD_LETTERS + "/{id}", deadLetterId).retrieve().toEntity(String.class));
		assertThat(detail.path("error").asString()).isEqualTo(root.getClass().getSimpleName() + ": " + root.getMessage()
				+ " (PoisonEventException: event " + eventId + " (io.retailhub.test.happened.v1) has an unreadable payload)");
		JsonNode listed = body(this.http.get().uri(DEAD_LETTERS + "?size=200").retrieve().toEntity(String.class))
			.path("items")
			.valueStream()
			.filter(item -> deadLetterId.toString().equals(item.path("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("error").asString()).isEqualTo(detail.path("error").asString());
		assertThat(detail.path("headers").valueStream()
			.filter(h -> h.path("name").asString().equals(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
			.map(h -> h.path("value").asString())).containsExactly(root.getClass().getName());
	}

	@Test
	void recordWhoseDeadLetterCouldNotBePublishedIsRetriedNotSkipped() {
		// given the first attempt to dead-letter records with this key fails (the DLT is unreachable)
		String key = FailingOnceRecoverer.KEY_PREFIX + UUID.randomUUID();
		String poisonId = UUID.randomUUID().toString();
		String nextId = UUID.randomUUID().toString();

		// when a poison event and then an ordinary one are published with that key (one partition, in order)
		send(poisonId, key, "{\"kind\":\"broken-forever\"}".getBytes(StandardCharsets.UTF_8));
		send(nextId, key, "{\"kind\":\"ordinary\"}".getBytes(StandardCharsets.UTF_8));

		// then the poison event is not committed past: it is delivered again and dead-lettered on the second try
		awaitDeadLetter(poisonId);
		assertThat(((FailingOnceRecoverer) this.deadLetterRecoverer).attempts(key)).isEqualTo(2);
		assertThat(this.events.deliveries(poisonId)).hasSizeGreaterThanOrEqualTo(2);
		// and the event behind it is processed, once
		await().atMost(PATIENCE).until(() -> this.events.timesProcessed(nextId) == 1);
		assertThat(this.events.deliveries(nextId)).hasSize(1);
	}

	@Test
	void deadLetterRecordDeliveredTwiceIsStoredOnce() {
		// given a dead-letter record as the publisher writes it
		long offset = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
		ConsumerRecord<String, byte[]> record = deadLetterRecord(offset, Instant.parse("2100-01-01T00:00:00Z"));

		// when it is delivered twice
		this.listener.on(record);
		this.listener.on(record);

		// then one dead letter is stored for the original record
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM dead_letter WHERE original_topic = :topic AND original_partition = 2
					AND original_offset = :offset""")
			.param("topic", RecordedEvents.TEST_TOPIC)
			.param("offset", offset)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void deadLettersAreListedNewestFirstInPages() {
		// given two dead letters, the second newer than every other
		long offset = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
		this.listener.on(deadLetterRecord(offset, Instant.parse("2200-01-01T00:00:00Z")));
		this.listener.on(deadLetterRecord(offset + 1, Instant.parse("2200-01-02T00:00:00Z")));

		// when listing one per page
		JsonNode first = body(this.http.get().uri(DEAD_LETTERS + "?page=0&size=1").retrieve().toEntity(String.class));
		JsonNode second = body(this.http.get().uri(DEAD_LETTERS + "?page=1&size=1").retrieve().toEntity(String.class));

		// then the newest comes first, and the page says how many there are in all
		assertThat(first.path("items").get(0).path("originalOffset").asLong()).isEqualTo(offset + 1);
		assertThat(second.path("items").get(0).path("originalOffset").asLong()).isEqualTo(offset);
		assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(first.path("size").asInt()).isEqualTo(1);
	}

	@Test
	void unknownDeadLetterIsANotFoundProblemCarryingTheCorrelationId() {
		// given a dead letter that does not exist, when it is asked for or replayed
		ResponseEntity<String> get = this.http.get()
			.uri(DEAD_LETTERS + "/{id}", UUID.randomUUID())
			.header(Headers.CORRELATION_ID, "corr-dlt-404")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> replay = this.http.post()
			.uri(DEAD_LETTERS + "/{id}/replay", UUID.randomUUID())
			.retrieve()
			.toEntity(String.class);

		// then both answer 404 problem+json with the hub's type and the correlation ID
		assertThat(get.getStatusCode().value()).isEqualTo(404);
		assertThat(get.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get.getHeaders().getFirst(Headers.CORRELATION_ID)).isEqualTo("corr-dlt-404");
		JsonNode problem = body(get);
		assertThat(problem.path("type").asString()).isEqualTo("https://retailhub.io/problems/not-found");
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("correlationId").asString()).isEqualTo("corr-dlt-404");
		assertThat(replay.getStatusCode().value()).isEqualTo(404);
		assertThat(body(replay).path("correlationId").asString()).isNotBlank();
	}

	@Test
	void malformedIdOrPageSizeIsAnInvalidRequestProblem() {
		// given a path ID that is not a UUID, and a page size out of range
		ResponseEntity<String> badId = this.http.get()
			.uri(DEAD_LETTERS + "/not-a-uuid")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> badSize = this.http.get().uri(DEAD_LETTERS + "?size=0").retrieve().toEntity(String.class);

		// then both are 400 problems naming the parameter at fault
		assertThat(badId.getStatusCode().value()).isEqualTo(400);
		assertThat(body(badId).path("type").asString()).isEqualTo("https://retailhub.io/problems/invalid-request");
		assertThat(body(badId).path("errors").get(0).path("field").asString()).isEqualTo("id");
		assertThat(badSize.getStatusCode().value()).isEqualTo(400);
		assertThat(body(badSize).path("errors").get(0).path("field").asString()).isEqualTo("size");
	}

	private void send(String eventId, String key, byte[] payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(RecordedEvents.TEST_TOPIC, key, payload);
		record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.TYPE, "io.retailhub.test.happened.v1".getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.SUBJECT, ("tests/" + eventId).getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).join();
	}

	private ResponseEntity<String> replay(UUID deadLetterId) {
		return this.http.post().uri(DEAD_LETTERS + "/{id}/replay", deadLetterId).retrieve().toEntity(String.class);
	}

	private UUID awaitDeadLetter(String eventId) {
		await().atMost(PATIENCE).until(() -> deadLetterId(eventId).isPresent());
		return deadLetterId(eventId).orElseThrow();
	}

	private Optional<UUID> deadLetterId(String eventId) {
		JsonNode page = body(this.http.get().uri(DEAD_LETTERS + "?size=200").retrieve().toEntity(String.class));
		return page.path("items")
			.valueStream()
			.filter(item -> eventId.equals(item.path("eventId").asString()))
			.map(item -> UUID.fromString(item.path("id").asString()))
			.findFirst();
	}

	private long deadLettersOf(String eventId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM dead_letter
				WHERE headers @> CAST(:header AS jsonb)""")
			.param("header", "[{\"name\":\"" + CloudEventHeaders.ID + "\",\"text\":\"" + eventId + "\"}]")
			.query(Long.class)
			.single();
	}

	private JsonNode body(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

	private static ConsumerRecord<String, byte[]> deadLetterRecord(long originalOffset, Instant deadLetteredAt) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(DeadLetterTopics.of(RecordedEvents.TEST_TOPIC), 0,
				originalOffset, deadLetteredAt.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0, "order-1",
				"{\"kind\":\"x\"}".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, RecordedEvents.TEST_TOPIC.getBytes(StandardCharsets.UTF_8));
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(2).array());
		record.headers()
			.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(originalOffset).array());
		record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "it broke".getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
