package io.retailhub.process.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import io.retailhub.contracts.events.Topics;
import io.retailhub.process.support.ProcessApiIntegrationTest;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/** The settings that carry delivery guarantees hold whatever the YAML says. */
@ProcessApiIntegrationTest
class KafkaGuaranteesIntegrationTests {

	@Autowired
	ProducerFactory<?, ?> producers;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	KafkaAdmin admin;

	@Test
	void producerIsIdempotentAndWaitsForAllReplicas() {
		// given the application's producer configuration, then a retried send is written once, in order, durably
		Map<String, Object> config = this.producers.getConfigurationProperties();
		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
	}

	@Test
	void listenersReadCommittedRecordsAsBytesAndCommitOffsetsThemselves() {
		// given the application's consumer configuration, then nothing is acknowledged before it was handled
		Map<String, Object> config = this.consumers.getConfigurationProperties();
		assertThat(config).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
			.containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
	}

	@Test
	void everyDomainTopicAndItsDeadLetterTopicIsDeclared() {
		// given the application started, when describing the topics
		Map<String, TopicDescription> topics = this.admin.describeTopics(
				Topics.ALL.stream().flatMap(topic -> Stream.of(topic, DeadLetterTopics.of(topic))).toArray(String[]::new));

		// then each exists with the configured partitions
		assertThat(topics).hasSize(Topics.ALL.size() * 2);
		assertThat(topics.values())
			.allSatisfy(description -> assertThat(description.partitions()).hasSizeGreaterThanOrEqualTo(3));
	}

}
