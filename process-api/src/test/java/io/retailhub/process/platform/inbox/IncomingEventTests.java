package io.retailhub.process.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.process.platform.kafka.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IncomingEventTests {

	private static final byte[] PAYLOAD = "{\"value\":\"x\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void readsTheCloudEventsEnvelopeFromTheHeaders() {
		// given a record with a full envelope
		ConsumerRecord<String, byte[]> record = record(PAYLOAD, Map.of(CloudEventHeaders.ID, "e-1",
				CloudEventHeaders.TYPE, "io.retailhub.return.received.v1", CloudEventHeaders.SUBJECT, "rmas/600001",
				CloudEventHeaders.SEQUENCE, "0000000000000000007", CloudEventHeaders.CORRELATION_ID, "corr-9",
				CloudEventHeaders.TIME, "2026-03-14T09:26:53.589Z"));

		// when reading it
		IncomingEvent event = IncomingEvent.from(record);

		// then every attribute is there, the payload untouched
		assertThat(event.id()).isEqualTo("e-1");
		assertThat(event.type()).isEqualTo("io.retailhub.return.received.v1");
		assertThat(event.subject()).isEqualTo("rmas/600001");
		assertThat(event.sequence()).isEqualTo(7L);
		assertThat(event.correlationId()).isEqualTo("corr-9");
		assertThat(event.time()).isEqualTo(Instant.parse("2026-03-14T09:26:53.589Z"));
		assertThat(event.payload()).isEqualTo(PAYLOAD);
	}

	@Test
	void optionalAttributesMayBeMissing() {
		// given a record with only the required attributes
		ConsumerRecord<String, byte[]> record = record(PAYLOAD,
				Map.of(CloudEventHeaders.ID, "e-2", CloudEventHeaders.TYPE, "t", CloudEventHeaders.SUBJECT, "s"));

		// when reading it, then the optional ones are null
		IncomingEvent event = IncomingEvent.from(record);
		assertThat(event.sequence()).isNull();
		assertThat(event.correlationId()).isNull();
		assertThat(event.time()).isNull();
	}

	@Test
	void recordWithoutAnEventIdIsPoison() {
		// given a record without ce_id, when reading it, then it is poison: no retry can add the header
		ConsumerRecord<String, byte[]> record = record(PAYLOAD,
				Map.of(CloudEventHeaders.TYPE, "t", CloudEventHeaders.SUBJECT, "s"));
		assertThatThrownBy(() -> IncomingEvent.from(record)).isInstanceOf(PoisonEventException.class)
			.hasMessageContaining(CloudEventHeaders.ID);
	}

	@Test
	void malformedSequenceIsPoison() {
		// given a record whose sequence is not a number, when reading it, then it is poison
		ConsumerRecord<String, byte[]> record = record(PAYLOAD, Map.of(CloudEventHeaders.ID, "e-3",
				CloudEventHeaders.TYPE, "t", CloudEventHeaders.SUBJECT, "s", CloudEventHeaders.SEQUENCE, "seven"));
		assertThatThrownBy(() -> IncomingEvent.from(record)).isInstanceOf(PoisonEventException.class)
			.hasMessageContaining("e-3");
	}

	@Test
	void unreadablePayloadIsPoison() {
		// given an event whose payload is not JSON
		IncomingEvent event = IncomingEvent.from(record("not json".getBytes(StandardCharsets.UTF_8),
				Map.of(CloudEventHeaders.ID, "e-4", CloudEventHeaders.TYPE, "t", CloudEventHeaders.SUBJECT, "s")));

		// when reading the payload, then it is poison
		assertThatThrownBy(() -> event.payloadAs(JsonMapper.builder().build(), Map.class))
			.isInstanceOf(PoisonEventException.class)
			.hasMessageContaining("e-4");
	}

	private static ConsumerRecord<String, byte[]> record(byte[] value, Map<String, String> headers) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("retail.returns.v1", 0, 42, "WEB-1", value);
		headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

}
