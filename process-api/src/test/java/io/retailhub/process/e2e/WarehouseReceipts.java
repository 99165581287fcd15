package io.retailhub.process.e2e;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.ReturnReceived;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes warehouse receipts the way system-api does from the WMS webhook: a
 * {@link ReturnReceived} on retail.returns.v1, keyed by order, with the CloudEvents headers,
 * subject {@code rmas/<rma>} and the receipt's per-RMA sequence.
 */
public final class WarehouseReceipts {

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	public WarehouseReceipts(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	/** One line of a receipt. */
	public record Line(String lineNumber, String sku, int expected, int received, int damaged, int rejected) {

		public static Line allGood(String lineNumber, String sku, int quantity) {
			return new Line(lineNumber, sku, quantity, quantity, 0, 0);
		}
	}

	/** Publishes a receipt and waits for the broker; returns its event ID. */
	public String publish(String orderId, String rmaNumber, long sequence, List<Line> lines) {
		return publish(UUID.randomUUID().toString(), orderId, rmaNumber, sequence, lines);
	}

	/** Publishes a receipt with a given event ID (to deliver the same event twice). */
	public String publish(String eventId, String orderId, String rmaNumber, long sequence, List<Line> lines) {
		send(record(eventId, orderId, rmaNumber, sequence, lines));
		return eventId;
	}

	/**
	 * The record system-api would publish for a receipt, not sent yet: {@link #send send} it as
	 * often as a test needs the very same bytes and headers delivered.
	 */
	public ProducerRecord<String, byte[]> record(String eventId, String orderId, String rmaNumber, long sequence,
			List<Line> lines) {
		Instant now = Instant.now();
		ReturnReceived receipt = new ReturnReceived(ReturnAuthorizationId.of(rmaNumber), OrderId.of(orderId),
				"RCPT-" + rmaNumber + "-" + sequence, "DC-EAST",
				lines.stream()
					.map(l -> new ReturnReceived.Line(l.lineNumber(), Sku.of(l.sku()), l.expected(), l.received(),
							l.damaged(), l.rejected()))
					.toList(),
				now, now);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.RETURN_RECEIVED.topic(), orderId,
				json.writeValueAsBytes(receipt));
		header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		header(record, CloudEventHeaders.ID, eventId);
		header(record, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_SYSTEM_API);
		header(record, CloudEventHeaders.TYPE, EventType.RETURN_RECEIVED.type());
		header(record, CloudEventHeaders.SUBJECT, "rmas/" + rmaNumber);
		header(record, CloudEventHeaders.TIME, CloudEventHeaders.time(now));
		header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
		header(record, CloudEventHeaders.DATA_SCHEMA, EventType.RETURN_RECEIVED.schemaId().toString());
		header(record, CloudEventHeaders.CORRELATION_ID, "test-" + UUID.randomUUID());
		header(record, CloudEventHeaders.SEQUENCE, CloudEventHeaders.sequence(sequence));
		return record;
	}

	/** Sends a copy of the record (same key, bytes and headers) and waits for the broker: where it landed. */
	public RecordMetadata send(ProducerRecord<String, byte[]> record) {
		ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
				new RecordHeaders(record.headers().toArray()));
		try {
			return kafka.send(copy).get(30, TimeUnit.SECONDS).getRecordMetadata();
		}
		catch (Exception ex) {
			throw new IllegalStateException("receipt not published", ex);
		}
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
