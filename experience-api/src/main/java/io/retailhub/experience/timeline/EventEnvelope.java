package io.retailhub.experience.timeline;

import java.nio.charset.StandardCharsets;

import io.retailhub.contracts.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The CloudEvents envelope of a record (docs/events.md, "Envelope") and its payload bytes.
 *
 * @param id {@code ce_id}: the entry's {@code eventId}, its deduplication key
 * @param type {@code ce_type}
 * @param source the publishing service's name, from {@code ce_source} ({@code process-api})
 * @param sequence {@code ce_sequence}; 0 when the producer sent none
 * @param payload the record value
 */
record EventEnvelope(String id, String type, String source, long sequence, byte[] payload) {

	private static final String SOURCE_PREFIX = "/retail-hub/";

	/** @throws PoisonEvent when {@code ce_id} or {@code ce_type} is missing, a header is malformed or there is no value */
	static EventEnvelope from(ConsumerRecord<?, byte[]> record) {
		String id = required(record, CloudEventHeaders.ID);
		String type = required(record, CloudEventHeaders.TYPE);
		if (record.value() == null) {
			throw new PoisonEvent("event " + id + " has no payload");
		}
		String source = header(record, CloudEventHeaders.SOURCE);
		if (source == null || source.isBlank()) {
			source = "unknown";
		}
		else if (source.startsWith(SOURCE_PREFIX)) {
			source = source.substring(SOURCE_PREFIX.length());
		}
		String sequence = header(record, CloudEventHeaders.SEQUENCE);
		try {
			return new EventEnvelope(id, type, source, sequence == null ? 0 : CloudEventHeaders.parseSequence(sequence),
					record.value());
		}
		catch (IllegalArgumentException ex) {
			throw new PoisonEvent("event " + id + " has a malformed ce_sequence: " + ex.getMessage(), ex);
		}
	}

	private static String required(ConsumerRecord<?, byte[]> record, String name) {
		String value = header(record, name);
		if (value == null || value.isBlank()) {
			throw new PoisonEvent("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
					+ " has no " + name + " header");
		}
		if (value.length() > 200) {
			throw new PoisonEvent("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
					+ " has a " + name + " header longer than 200 characters");
		}
		return value;
	}

	private static String header(ConsumerRecord<?, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
