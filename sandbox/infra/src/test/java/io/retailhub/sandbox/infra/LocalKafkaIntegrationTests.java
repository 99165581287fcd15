package io.retailhub.sandbox.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalKafkaIntegrationTests {

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
		try (KafkaProducer<String, String> producer = producer(Map.of())) {
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
		try (KafkaProducer<String, String> producer = producer(
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

	private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(Map.of(
			ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
			ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
			ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
		config.putAll(extra);
		return new KafkaProducer<>(config);
	}

	private static ConsumerRecord<String, String> consumeOne(String topic, String isolationLevel) {
		Map<String, Object> config = Map.of(
			ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
			ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
			ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
			ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
			ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
			ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				assertThat(received).hasSize(1);
			});
		}
		return received.get(0);
	}

}
