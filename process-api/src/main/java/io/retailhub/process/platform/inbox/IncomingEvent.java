package io.retailhub.process.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.process.platform.kafka.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hub event as a listener receives it: the CloudEvents envelope from the record's headers and
 * the payload bytes, not yet read.
 *
 * @param id {@code ce_id}: the inbox key
 * @param type {@code ce_type}
 * @param subject {@code ce_subject}: the aggregate, which scopes {@code sequence}
 * @param sequence {@code ce_sequence}, null when the producer sent none
 * @param correlationId {@code ce_correlationid}, null when absent
 * @param time {@code ce_time}, null when absent
 * @param payload the record value, as sent
 */
public record IncomingEvent(String id, String type, String subject, Long sequence, String correlationId, Instant time,
		byte[] payload) {

	/**
	 * Reads the envelope of a record.
	 * @throws PoisonEventException when {@code ce_id}, {@code ce_type} or {@code ce_subject} is
	 * missing, a header is malformed or the record has no value: retrying cannot fix it
	 */
	public static IncomingEvent from(ConsumerRecord<?, byte[]> record) {
		String id = required(record, CloudEventHeaders.ID);
		String type = required(record, CloudEventHeaders.TYPE);
		String subject = required(record, CloudEventHeaders.SUBJECT);
		if (record.value() == null) {
			throw new PoisonEventException("event " + id + " has no payload");
		}
		String sequence = header(record, CloudEventHeaders.SEQUENCE);
		String time = header(record, CloudEventHeaders.TIME);
		try {
			return new IncomingEvent(id, type, subject,
					sequence == null ? null : CloudEventHeaders.parseSequence(sequence),
					header(record, CloudEventHeaders.CORRELATION_ID), time == null ? null : Instant.parse(time),
					record.value());
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new PoisonEventException("event " + id + " has a malformed envelope: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads the payload as {@code type}.
	 * @throws PoisonEventException when the bytes are not valid JSON for it or break its
	 * constructor's checks
	 */
	public <T> T payloadAs(JsonMapper json, Class<T> payloadType) {
		try {
			return json.readValue(this.payload, payloadType);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PoisonEventException("event " + this.id + " (" + this.type + ") has an unreadable payload: "
					+ ex.getMessage(), ex);
		}
	}

	private static String required(ConsumerRecord<?, byte[]> record, String name) {
		String value = header(record, name);
		if (value == null || value.isBlank()) {
			throw new PoisonEventException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
					+ " has no " + name + " header");
		}
		return value;
	}

	private static String header(ConsumerRecord<?, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IncomingEvent that && Objects.equals(this.id, that.id)
				&& Objects.equals(this.type, that.type) && Objects.equals(this.subject, that.subject)
				&& Objects.equals(this.sequence, that.sequence)
				&& Objects.equals(this.correlationId, that.correlationId) && Objects.equals(this.time, that.time)
				&& Arrays.equals(this.payload, that.payload);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.type, this.subject, this.sequence, this.correlationId, this.time)
				+ 31 * Arrays.hashCode(this.payload);
	}

	@Override
	public String toString() {
		return "IncomingEvent[id=" + this.id + ", type=" + this.type + ", subject=" + this.subject + ", sequence="
				+ this.sequence + ", correlationId=" + this.correlationId + ", time=" + this.time + ", payload="
				+ (this.payload == null ? 0 : this.payload.length) + " bytes]";
	}

}
