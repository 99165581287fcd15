package io.retailhub.experience.timeline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.ReturnReceived;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes hub events as their producers do: on their type's topic, keyed by order, with the
 * CloudEvents headers of docs/events.md, and waits for the broker's acknowledgement.
 */
public final class PublishedEvents {

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	public PublishedEvents(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	/** Publishes the event under a new {@code ce_id}; returns the id. */
	String publish(DomainEvent event) {
		String id = UUID.randomUUID().toString();
		publish(event, id, 1);
		return id;
	}

	void publish(DomainEvent event, String eventId, long sequence) {
		EventType type = event.eventType();
		send(record(type.topic(), event.key(), eventId, type.type(), event.aggregate(), sequence,
				event instanceof ReturnReceived ? CloudEventHeaders.SOURCE_SYSTEM_API
						: CloudEventHeaders.SOURCE_PROCESS_API,
				this.json.writeValueAsBytes(event), CloudEventHeaders.time(event.occurredAt())));
	}

	/** A record with a valid envelope and whatever value the test wants. */
	public void publishRaw(EventType type, String orderId, String eventId, byte[] value) {
		send(record(type.topic(), orderId, eventId, type.type(), "orders/" + orderId, 1,
				CloudEventHeaders.SOURCE_PROCESS_API, value, "2026-03-14T09:27:00Z"));
	}

	private static ProducerRecord<String, byte[]> record(String topic, String key, String id, String type,
			String subject, long sequence, String source, byte[] value, String time) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		header(record, CloudEventHeaders.ID, id);
		header(record, CloudEventHeaders.SOURCE, source);
		header(record, CloudEventHeaders.TYPE, type);
		header(record, CloudEventHeaders.SUBJECT, subject);
		header(record, CloudEventHeaders.TIME, time);
		header(record, CloudEventHeaders.SEQUENCE, CloudEventHeaders.sequence(sequence));
		header(record, CloudEventHeaders.CORRELATION_ID, UUID.randomUUID().toString());
		header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
		return record;
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private void send(ProducerRecord<String, byte[]> record) {
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish " + record, ex);
		}
	}

}
