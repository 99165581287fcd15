package io.retailhub.process.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.retailhub.process.platform.kafka.DeadLetterHeaders;
import io.retailhub.process.platform.kafka.DeadLetterTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Copies every record of process-api's dead-letter topics into the dead_letter table, where ops
 * list, inspect and replay them. Stored once per original record, however often the dead-letter
 * record is delivered.
 */
@Component
class DeadLetterListener {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);

	private final DeadLetterStore store;

	DeadLetterListener(DeadLetterStore store) {
		this.store = store;
	}

	@KafkaListener(id = "process-api-dead-letters", topicPattern = DeadLetterTopics.PATTERN,
			groupId = "${spring.kafka.consumer.group-id:process-api}-dead-letters",
			containerFactory = DeadLetterConfiguration.CONTAINER_FACTORY)
	void on(ConsumerRecord<String, byte[]> record) {
		DeadLetter letter = deadLetter(record);
		if (this.store.insert(letter)) {
			log.warn("dead letter {} stored: {}-{}@{}: {}", letter.id(), letter.originalTopic(),
					letter.originalPartition(), letter.originalOffset(), letter.error());
		}
	}

	/**
	 * The dead letter a dead-letter record describes. Its original coordinates come from the
	 * headers the dead-letter publisher added; a record without them (put there by hand) is
	 * identified by its own.
	 */
	static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
		String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		Long partition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, Integer.BYTES);
		Long offset = number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, Long.BYTES);
		boolean original = topic != null && partition != null && offset != null;
		List<StoredHeader> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			headers.add(StoredHeader.of(header.key(), header.value()));
		}
		return new DeadLetter(UUID.randomUUID(), original ? topic : record.topic(),
				original ? partition.intValue() : record.partition(), original ? offset : record.offset(), record.key(),
				record.value(), headers, error(record), Instant.ofEpochMilli(record.timestamp()), null, 0);
	}

	/**
	 * Why the record failed, as process-api's dead-letter publisher summed it up (the root cause's
	 * class and message, the listener's exception as context). A record without that header (put
	 * there by hand, or by another publisher) is described by Spring Kafka's headers: the exception's
	 * class with its own message.
	 */
	private static String error(ConsumerRecord<String, byte[]> record) {
		String error = text(record, DeadLetterHeaders.ERROR);
		if (error != null && !error.isBlank()) {
			return error;
		}
		String message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		String type = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
		if (type == null && message == null) {
			return "no error recorded";
		}
		String simpleName = type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
		return message == null ? simpleName : simpleName.isEmpty() ? message : simpleName + ": " + message;
	}

	private static String text(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** The publisher writes partition and offset as big-endian binary numbers. */
	private static Long number(ConsumerRecord<?, ?> record, String name, int width) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null || header.value().length != width) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(header.value());
		return width == Integer.BYTES ? buffer.getInt() : buffer.getLong();
	}

}
