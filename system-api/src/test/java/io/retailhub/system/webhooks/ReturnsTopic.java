package io.retailhub.system.webhooks;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.Topics;
import io.retailhub.sandbox.infra.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@value Topics#RETURNS} on the shared broker from the moment it is opened, with a plain
 * consumer (no group: every partition assigned, nothing committed), keeping every record seen.
 */
final class ReturnsTopic implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	private ReturnsTopic(KafkaConsumer<String, byte[]> consumer) {
		this.consumer = consumer;
	}

	static ReturnsTopic fromNow() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.RETURNS)
			.stream()
			.map(p -> new TopicPartition(p.topic(), p.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return new ReturnsTopic(consumer);
	}

	/** Waits for a record that matches, reading on; answers it. */
	ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(50))
			.until(() -> read().stream().filter(matching).findFirst(), found -> found.isPresent())
			.orElseThrow();
	}

	/** Waits until this many records about the subject were read; answers them in the order read. */
	List<ConsumerRecord<String, byte[]>> awaitAbout(String subject, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(50))
			.until(() -> about(subject), found -> found.size() >= count);
	}

	/** Waits for the record with this {@code ce_id}. */
	ConsumerRecord<String, byte[]> awaitEvent(String ceId) {
		return awaitRecord(r -> ceId.equals(header(r, CloudEventHeaders.ID)));
	}

	/** Every record seen so far (reading what arrived meanwhile), in the order read. */
	List<ConsumerRecord<String, byte[]>> read() {
		consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
		return List.copyOf(seen);
	}

	/** The records seen so far about one subject, e.g. {@code rmas/60000123}. */
	List<ConsumerRecord<String, byte[]>> about(String subject) {
		return read().stream().filter(r -> subject.equals(header(r, CloudEventHeaders.SUBJECT))).toList();
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		consumer.close(Duration.ofSeconds(5));
	}
}
