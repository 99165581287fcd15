package io.retailhub.process.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.retailhub.sandbox.infra.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on a topic right now, from the beginning, as a downstream consumer would: every
 * record up to the topic's end offsets as they were when the read began, or an exception. It never
 * answers with part of the topic, so "nothing of this kind was published" is a check that holds.
 */
public final class PublishedEvents {

	private PublishedEvents() {
	}

	/** One record: its key, CloudEvents type and subject, sequence and payload. */
	public record Event(String key, String type, String subject, long sequence, String payload) {
	}

	/** Every record on the topic keyed by {@code orderId}, in partition order. */
	public static List<Event> of(String topic, String orderId) {
		return records(topic, orderId).stream()
			.map(record -> new Event(record.key(), header(record, "ce_type"), header(record, "ce_subject"),
					Long.parseLong(header(record, "ce_sequence")), new String(record.value(), StandardCharsets.UTF_8)))
			.toList();
	}

	/** How long reading a topic up to its end may take before the read fails. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/**
	 * Every record on the topic with this key, as it is on the broker (headers and value bytes),
	 * in partition order: for checks on exactly what a producer sent, dead letters included.
	 * @throws IllegalStateException when the topic could not be read up to its end offsets in time
	 */
	public static List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("read " + topic + " only up to " + positions(consumer, partitions)
							+ " of its end offsets " + end + " in " + PATIENCE + ": what it holds is unknown");
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						records.add(record);
					}
				}
			}
		}
		return records;
	}

	private static Map<TopicPartition, Long> positions(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
		return partitions.stream().collect(Collectors.toMap(p -> p, consumer::position));
	}

	/** A header's value as UTF-8 text, null when the record has none. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
