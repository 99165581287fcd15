package io.retailhub.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@value Topics#RETURNS} as a downstream consumer would (read-committed, from the end
 * of the topic as it is when the benchmark starts) and tells the driver when a return was
 * authorized (with its RMA), declined or closed. Watching events instead of polling the returns
 * API adds no load to process-api.
 */
final class ReturnEvents implements AutoCloseable {

	/** What the driver hears. Called on the consumer's thread: must not block. */
	interface Listener {

		void authorized(UUID returnId, String rmaNumber);

		void declined(UUID returnId, String reason);

		void closed(UUID returnId);

	}

	private final KafkaConsumer<String, byte[]> consumer;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Listener listener;

	private final Thread thread;

	private volatile boolean running = true;

	ReturnEvents(String bootstrapServers, Listener listener) {
		this.listener = listener;
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "workflow-benchmark");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		// deliver a record as soon as it is there: the benchmark times each event
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
		this.consumer = new KafkaConsumer<>(config);
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.RETURNS)
			.stream()
			.map(p -> new TopicPartition(Topics.RETURNS, p.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		// resolve the positions now, before the first return is requested
		partitions.forEach(this.consumer::position);
		this.thread = new Thread(this::run, "bench-return-events");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					handle(record);
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	private void handle(ConsumerRecord<String, byte[]> record) {
		String type = header(record, CloudEventHeaders.TYPE);
		if (EventType.RETURN_AUTHORIZED.type().equals(type)) {
			JsonNode payload = this.json.readTree(record.value());
			this.listener.authorized(UUID.fromString(payload.path("returnId").asString()),
					payload.path("rmaNumber").asString());
		}
		else if (EventType.RETURN_CLOSED.type().equals(type)) {
			JsonNode payload = this.json.readTree(record.value());
			this.listener.closed(UUID.fromString(payload.path("returnId").asString()));
		}
		else if (EventType.RETURN_DECLINED.type().equals(type)) {
			JsonNode payload = this.json.readTree(record.value());
			this.listener.declined(UUID.fromString(payload.path("returnId").asString()),
					new String(record.value(), StandardCharsets.UTF_8));
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
