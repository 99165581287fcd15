package io.retailhub.process.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Kafka as the platform needs it. The settings that carry a delivery guarantee are fixed here,
 * not left to YAML: producers are idempotent with {@code acks=all} (a retried send is written once,
 * in order); listeners read only committed records and commit offsets themselves after the record
 * was handled; values stay bytes until the listener reads them, so a poison record reaches the
 * listener (and then the dead-letter topic) instead of breaking the container.
 *
 * <p>One error handler serves every domain listener: a bounded exponential backoff in place, then
 * the record goes to {@code <topic>.process-api.dlt} with its original bytes and headers plus the
 * error. {@link PoisonEventException}s skip the backoff. If the dead-letter send fails, the
 * record is not committed but delivered again, so nothing is ever skipped.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/** Every domain topic and its process-api dead-letter topic, declared on start if missing. */
	@Bean
	KafkaAdmin.NewTopics platformTopics(KafkaSettings settings) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			topics.add(TopicBuilder.name(topic).partitions(settings.partitions()).replicas(settings.replicas()).build());
			topics.add(TopicBuilder.name(DeadLetterTopics.of(topic))
				.partitions(settings.partitions())
				.replicas(settings.replicas())
				.build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer deliveryGuarantees() {
		return factory -> factory.updateConfigs(Map.of(
				ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer consumptionGuarantees() {
		return factory -> factory.updateConfigs(Map.of(
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
	}

	/**
	 * Sends a record the listener gave up on to its dead-letter topic, keyed as before (partition
	 * chosen by key), and waits for the broker's acknowledgement: an unacknowledged dead letter
	 * fails the recovery, and the error handler then delivers the record again instead of
	 * committing past it.
	 */
	@Bean
	ConsumerRecordRecoverer deadLetterRecoverer(KafkaTemplate<String, byte[]> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(DeadLetterTopics.of(record.topic()), -1));
		recoverer.setFailIfSendResultIsError(true);
		return new DeadLetterRecoverer(recoverer);
	}

	@Bean
	CommonErrorHandler kafkaErrorHandler(ConsumerRecordRecoverer deadLetterRecoverer, KafkaSettings settings) {
		KafkaSettings.Retry retry = settings.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterRecoverer, backOff);
		handler.addNotRetryableExceptions(PoisonEventException.class, DeserializationException.class);
		// a failed dead-letter send restarts the record's backoff: it is retried, then recovered again
		handler.setResetStateOnRecoveryFailure(true);
		handler.setSeekAfterError(true);
		return handler;
	}

	@Bean
	RecordInterceptor<Object, Object> correlationRecordInterceptor() {
		return new CorrelationRecordInterceptor();
	}

}
