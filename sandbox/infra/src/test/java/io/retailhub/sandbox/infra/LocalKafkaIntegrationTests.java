package io.retailhub.sandbox.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalKafkaIntegrationTests {

	/** What {@link CrashedOwner} does with a broker before it is killed. */
	static final String WORK = "kafka";

	private static final String KEPT_TOPIC = "test.kept";

	private static final String KEPT_GROUP = "test.kept-consumer";

	private static final String NOT_CONSUMED = "acknowledged, not consumed yet";

	private static final String CLUSTER = "cluster ";

	private static int requestedPort;

	private static LocalKafka kafka;

	@BeforeAll
	static void startBrokerOnAFixedPort() throws IOException {
		// a fixed port, as the launcher asks for by default (port 0 is covered by SharedInfrastructure)
		try (ServerSocket probe = new ServerSocket(0)) {
			requestedPort = probe.getLocalPort();
		}
		kafka = LocalKafka.start(requestedPort);
	}

	@AfterAll
	static void stopBroker() {
		kafka.close();
	}

	@Test
	void listensOnTheRequestedPort() {
		assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + requestedPort);
		assertThat(kafka.springKafkaProperties())
			.containsExactly(Map.entry("spring.kafka.bootstrap-servers", "localhost:" + requestedPort));
	}

	@Test
	void deliversAProducedRecordToAConsumer() throws Exception {
		// given
		kafka.createTopicsIfMissing("test.round-trip");

		// when
		try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
			producer.send(new ProducerRecord<>("test.round-trip", "WEB-1", "order confirmed")).get();
		}

		// then
		assertThat(consumeOne("test.round-trip", "read_uncommitted"))
			.satisfies(record -> {
				assertThat(record.key()).isEqualTo("WEB-1");
				assertThat(record.value()).isEqualTo("order confirmed");
			});
	}

	@Test
	void acceptsTransactionalProducers() {
		// given
		kafka.createTopicsIfMissing("test.transactional");

		// when
		try (KafkaProducer<String, String> producer = producer(kafka,
				Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID()))) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("test.transactional", "WEB-2", "refund posted"));
			producer.commitTransaction();
		}

		// then
		assertThat(consumeOne("test.transactional", "read_committed").value()).isEqualTo("refund posted");
	}

	@Test
	void createsTopicsOnlyOnce() throws Exception {
		// given
		kafka.createTopicsIfMissing("test.declared");

		// when
		kafka.createTopicsIfMissing("test.declared", "test.declared-too");

		// then
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			var topics = admin.describeTopics(List.of("test.declared", "test.declared-too")).allTopicNames().get();
			assertThat(topics.values())
				.allSatisfy(topic -> assertThat(topic.partitions()).hasSize(LocalKafka.DEFAULT_PARTITIONS));
		}
	}

	@Test
	void keepsItsClusterTopicsAndOffsetsAcrossARestartWithTheSameLogDirectory(@TempDir Path logDirectory)
			throws Exception {
		// given a broker that took a record, saw it consumed, took another and stopped
		String clusterId;
		try (LocalKafka first = LocalKafka.start(0, logDirectory)) {
			clusterId = clusterId(first);
			beforeTheCrash(first);
		}

		// when a new broker starts on the same directory
		try (LocalKafka second = LocalKafka.start(0, logDirectory)) {

			// then it is the same cluster (formatted once), and the group goes on after what it consumed
			assertThat(second.logDirectory()).contains(logDirectory.toAbsolutePath());
			assertThat(clusterId(second)).isEqualTo(clusterId);
			assertThat(consumeFirst(second, KEPT_TOPIC, KEPT_GROUP, "read_committed").value()).isEqualTo(NOT_CONSUMED);
		}
	}

	@Test
	void resumesAfterTheJvmOwningItWasKilled(@TempDir Path logDirectory) throws Exception {
		// given a broker in another JVM that acknowledged two records, saw the first consumed, and was killed
		List<String> output = CrashedOwner.runAndKill(WORK, logDirectory);

		// when a broker starts on its directory
		try (LocalKafka restarted = LocalKafka.start(0, logDirectory)) {

			// then it is the same cluster, the acknowledged record is there, and the consumed one is not delivered again
			assertThat(output).contains(CLUSTER + clusterId(restarted));
			assertThat(consumeFirst(restarted, KEPT_TOPIC, KEPT_GROUP, "read_committed").value())
				.isEqualTo(NOT_CONSUMED);
		}
	}

	/**
	 * Done on a broker that is then stopped or killed: a record acknowledged by the broker and
	 * consumed by {@value #KEPT_GROUP}, then one acknowledged and not consumed yet.
	 */
	static void beforeTheCrash(LocalKafka kafka) {
		kafka.createTopicsIfMissing(KEPT_TOPIC);
		try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
			producer.send(new ProducerRecord<>(KEPT_TOPIC, "RMA-1", "consumed before the crash")).get();
			assertThat(consumeFirst(kafka, KEPT_TOPIC, KEPT_GROUP, "read_committed").value())
				.isEqualTo("consumed before the crash");
			producer.send(new ProducerRecord<>(KEPT_TOPIC, "RMA-1", NOT_CONSUMED)).get();
			System.out.println(CLUSTER + clusterId(kafka));
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka did not acknowledge a record", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String clusterId(LocalKafka kafka) throws ExecutionException, InterruptedException {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			return admin.describeCluster().clusterId().get();
		}
	}

	private static KafkaProducer<String, String> producer(LocalKafka kafka, Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(Map.of(
			ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
			ProducerConfig.ACKS_CONFIG, "all",
			ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
			ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
		config.putAll(extra);
		return new KafkaProducer<>(config);
	}

	private static ConsumerRecord<String, String> consumeOne(String topic, String isolationLevel) {
		return consumeFirst(kafka, topic, "test-" + UUID.randomUUID(), isolationLevel);
	}

	/**
	 * Polls as the group until a record arrives; commits what it received. A partition's records
	 * come in order, so a record the group consumed before would arrive first.
	 */
	private static ConsumerRecord<String, String> consumeFirst(LocalKafka kafka, String topic, String group,
			String isolationLevel) {
		Map<String, Object> config = Map.of(
			ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
			ConsumerConfig.GROUP_ID_CONFIG, group,
			ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
			ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
			ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
			ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
			ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				return !received.isEmpty();
			});
			consumer.commitSync();
		}
		assertThat(received).as("records received at once").hasSize(1);
		return received.get(0);
	}

}
