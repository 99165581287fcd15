package io.retailhub.sandbox.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints one line for every event on the hub's topics as it passes, so a person running the hub
 * locally sees the return travel through Kafka: topic, type, subject, key and sequence. A plain
 * read-committed consumer in its own group; it changes nothing.
 */
final class EventTail implements AutoCloseable {

	private static final String TRACEPARENT = "traceparent";

	private final KafkaConsumer<String, String> consumer;

	private final Thread thread;

	private final AtomicBoolean running = new AtomicBoolean(true);

	EventTail(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "local-hub-event-tail", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
		this.thread = new Thread(this::run, "event-tail");
		this.thread.setDaemon(true);
	}

	void start() {
		this.consumer.subscribe(Topics.ALL);
		this.thread.start();
	}

	private void run() {
		try {
			while (this.running.get()) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(500))) {
					System.out.println(line(record));
				}
			}
		}
		catch (WakeupException ex) {
			// close() asked the poll to stop
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	static String line(ConsumerRecord<String, String> record) {
		return "[event] %-18s %-40s %-48s key=%s seq=%s trace=%s".formatted(record.topic(),
				header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.SUBJECT), record.key(),
				header(record, CloudEventHeaders.SEQUENCE).replaceFirst("^0+(?=\\d)", ""), traceId(record));
	}

	/** The trace ID of the record's W3C traceparent, by which its work can be followed through the logs. */
	private static String traceId(ConsumerRecord<String, String> record) {
		String[] traceparent = header(record, TRACEPARENT).split("-");
		return traceparent.length == 4 ? traceparent[1] : "-";
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.consumer.wakeup();
		this.thread.join(Duration.ofSeconds(3).toMillis());
	}
}
