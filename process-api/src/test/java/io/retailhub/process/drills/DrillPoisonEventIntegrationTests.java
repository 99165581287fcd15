package io.retailhub.process.drills;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.PublishedEvents;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: records on {@value Topics#RETURNS} that process-api cannot take. Poison (a payload that
 * is not a receipt under valid CloudEvents headers; a receipt without {@code ce_id}) goes to
 * {@code retail.returns.v1.process-api.dlt} and to the dead-letter API with its error and
 * original bytes, and the consumer goes on with the next record. A good receipt dead-lettered
 * because of a transient failure is replayed by ops once the failure is gone: replayed twice, it
 * is processed once.
 *
 * <p>Every process-api context in this JVM consumes the topic in a group of its own and
 * dead-letters poison into the same dead-letter topic: there may be a copy per group there, while
 * the dead-letter store keeps one dead letter per original record.
 */
@ReturnsIntegrationTest
class DrillPoisonEventIntegrationTests {

	private static final String DEAD_LETTER_TOPIC = Topics.RETURNS + ".process-api.dlt";

	private static final String RECEIPTS = "returns.warehouse-receipts";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.consumer.group-id}")
	String group;

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	RestClient deadLetters;

	@BeforeEach
	void setUp() {
		deadLetters = HubSandbox.withServiceToken()
			.baseUrl("http://localhost:" + port + "/api/process/v1/dead-letters")
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	@AfterEach
	void letTheDatabaseTakeEveryEventAgain() {
		jdbc.sql("DROP TRIGGER IF EXISTS drill_refuse_event ON inbox").update();
		jdbc.sql("DROP FUNCTION IF EXISTS drill_refuse_event()").update();
	}

	@Test
	void deadLettersPoisonWithItsErrorAndBytesAndGoesOnWithTheNextReceipt() {
		// given an authorized return
		DemoOrder order = DemoOrders.freshDelivered();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		AuthorizedReturn ret = AuthorizedReturn.of(api, order, 1);

		// when a receipt event whose payload is not a receipt, then a receipt without ce_id, then the real receipt are published
		String unreadableId = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> receipt = warehouse.record(unreadableId, order.orderNumber(), ret.rmaNumber(), 1,
				ret.allReceived());
		ProducerRecord<String, byte[]> unreadable = new ProducerRecord<>(receipt.topic(), null, receipt.key(),
				"{\"rmaNumber\": [\"not a receipt".getBytes(StandardCharsets.UTF_8), receipt.headers());
		ProducerRecord<String, byte[]> anonymous = warehouse.record(UUID.randomUUID().toString(), order.orderNumber(),
				ret.rmaNumber(), 1, ret.allReceived());
		anonymous.headers().remove(CloudEventHeaders.ID);
		warehouse.send(unreadable);
		warehouse.send(anonymous);
		warehouse.publish(order.orderNumber(), ret.rmaNumber(), 1, ret.allReceived());

		// then the consumer went on: the real receipt is processed, the return refunded and closed
		AuthorizedReturn.awaitStatus(api, ret.id(), "CLOSED");
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);

		// and both poison records are on the dead-letter topic with their original bytes, key, headers and error
		await().atMost(AuthorizedReturn.PATIENCE).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> dlt = PublishedEvents.records(DEAD_LETTER_TOPIC, order.orderNumber());
			assertThat(dlt).anySatisfy(record -> {
				assertThat(record.value()).isEqualTo(unreadable.value());
				assertThat(PublishedEvents.header(record, CloudEventHeaders.ID)).isEqualTo(unreadableId);
				assertThat(PublishedEvents.header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.RETURNS);
				assertThat(PublishedEvents.header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
					.contains("unreadable payload");
			});
			assertThat(dlt).anySatisfy(record -> {
				assertThat(record.value()).isEqualTo(anonymous.value());
				assertThat(PublishedEvents.header(record, CloudEventHeaders.ID)).isNull();
				assertThat(PublishedEvents.header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("no ce_id header");
			});
		});

		// and the dead-letter API shows both with their error and original bytes
		JsonNode unreadableLetter = detail(awaitDeadLetter(l -> unreadableId.equals(l.path("eventId").asString())));
		assertThat(unreadableLetter.path("error").asString()).contains("event " + unreadableId, "unreadable payload");
		assertThat(Base64.getDecoder().decode(unreadableLetter.path("payloadBase64").asString()))
			.isEqualTo(unreadable.value());
		assertThat(unreadableLetter.path("key").asString()).isEqualTo(order.orderNumber());
		JsonNode anonymousLetter = detail(awaitDeadLetter(l -> order.orderNumber().equals(l.path("key").asString())
				&& l.path("error").asString().contains("no ce_id header")));
		assertThat(Base64.getDecoder().decode(anonymousLetter.path("payloadBase64").asString()))
			.isEqualTo(anonymous.value());
		assertThat(anonymousLetter.path("originalTopic").asString()).isEqualTo(Topics.RETURNS);
	}

	@Test
	void processesADeadLetteredReceiptOnceWhenOpsReplayItTwiceAfterTheFailureIsGone() {
		// given an authorized return, and a database that refuses, for now, to take its receipt event
		DemoOrder order = DemoOrders.freshDelivered();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		AuthorizedReturn ret = AuthorizedReturn.of(api, order, 1);
		String eventId = UUID.randomUUID().toString();
		refuseInTheInbox(eventId);

		// when the receipt is published
		warehouse.publish(eventId, order.orderNumber(), ret.rmaNumber(), 1, ret.allReceived());

		// then, its retries failing, it is dead-lettered with the database's error, and nothing was recorded
		JsonNode letter = detail(awaitDeadLetter(l -> eventId.equals(l.path("eventId").asString())));
		assertThat(letter.path("error").asString()).contains("the database refuses event " + eventId);
		assertThat(api.returnOf(ret.id()).path("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore);

		// when the database takes the event again and ops replay the dead letter
		letTheDatabaseTakeEveryEventAgain();
		String letterId = letter.path("id").asString();
		assertThat(replay(letterId).getStatusCode().value()).isEqualTo(202);

		// then the receipt is processed: the return is refunded and closed
		AuthorizedReturn.awaitStatus(api, ret.id(), "CLOSED");

		// when ops replay it once more
		ResponseEntity<JsonNode> again = replay(letterId);

		// then it is delivered again but processed once: one inbox row, one receipt, one refund
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getBody().path("replayCount").asInt()).isEqualTo(2);
		ConsumerGroups.awaitCaughtUp(group, Topics.RETURNS);
		assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE consumer = :consumer AND event_id = :id")
			.param("consumer", RECEIPTS)
			.param("id", eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api.workflow(ret.id()).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("return.received"))
			.hasSize(1);
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	/** A transient failure of this context's database for one event: inserting its inbox row fails until the trigger is dropped. */
	private void refuseInTheInbox(String eventId) {
		jdbc.sql("""
				CREATE OR REPLACE FUNCTION drill_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
					IF NEW.event_id = '%s' THEN
						RAISE EXCEPTION 'drill: the database refuses event %%', NEW.event_id;
					END IF;
					RETURN NEW;
				END $$""".formatted(eventId)).update();
		jdbc.sql("""
				CREATE TRIGGER drill_refuse_event BEFORE INSERT ON inbox
				FOR EACH ROW EXECUTE FUNCTION drill_refuse_event()""").update();
	}

	/** The dead letter that matches, once the dead-letter store has it. */
	private JsonNode awaitDeadLetter(Predicate<JsonNode> matching) {
		return await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> deadLetters.get()
				.uri("?size=200")
				.retrieve()
				.body(JsonNode.class)
				.path("items")
				.valueStream()
				.filter(matching)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private JsonNode detail(JsonNode letter) {
		return deadLetters.get().uri("/{id}", letter.path("id").asString()).retrieve().body(JsonNode.class);
	}

	private ResponseEntity<JsonNode> replay(String letterId) {
		return deadLetters.post().uri("/{id}/replay", letterId).retrieve().toEntity(JsonNode.class);
	}
}
