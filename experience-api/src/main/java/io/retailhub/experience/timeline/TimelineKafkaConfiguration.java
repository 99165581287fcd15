package io.retailhub.experience.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Kafka for the timeline, with the hub's delivery guarantees fixed in code (docs/events.md,
 * "Consuming"): only committed records are read ({@code read_committed}), offsets are committed
 * after the record's transaction, values stay bytes until the listener reads them. A failing
 * record is retried in place with a bounded backoff, then sent with its error to
 * {@code <topic>.experience-api.dlt}; a {@link PoisonEvent} goes there at once. A dead letter the
 * broker did not acknowledge fails the recovery, and the record is delivered again rather than
 * skipped.
 *
 * <p>The domain topics are declared by process-api, their producer; this service declares only
 * its own dead-letter topics.
 */
@Configuration(proxyBeanMethods = false)
class TimelineKafkaConfiguration {

	/** The consumer name in experience-api's dead-letter topic names. */
	static final String CONSUMER = "experience-api";

	static final List<String> CONSUMED = List.of(Topics.ORDERS, Topics.RETURNS, Topics.REFUNDS, Topics.CASES);

	@Bean
	KafkaAdmin.NewTopics timelineDeadLetterTopics(TimelineSettings settings) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : CONSUMED) {
			topics.add(TopicBuilder.name(Topics.deadLetter(topic, CONSUMER))
				.partitions(settings.partitions())
				.replicas(settings.replicas())
				.build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer timelineProducerGuarantees() {
		return factory -> factory.updateConfigs(Map.of(ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer timelineConsumerGuarantees() {
		return factory -> factory.updateConfigs(Map.of(
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
	}

	@Bean
	CommonErrorHandler timelineErrorHandler(KafkaTemplate<String, byte[]> kafka, TimelineSettings settings,
			MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetter(record.topic(), CONSUMER), -1));
		deadLetters.setFailIfSendResultIsError(true);
		for (String topic : CONSUMED) {
			deadLetterCounter(meters, topic);
		}
		// counted once the dead letter is on the broker; a failed send throws and the record comes again
		ConsumerRecordRecoverer recoverer = (record, exception) -> {
			deadLetters.accept(record, exception);
			deadLetterCounter(meters, record.topic()).increment();
		};
		TimelineSettings.Retry retry = settings.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(PoisonEvent.class, DeserializationException.class);
		handler.setResetStateOnRecoveryFailure(true);
		handler.setSeekAfterError(true);
		return handler;
	}

	/** Records of {@code topic} the timeline could not read and sent to its dead-letter topic. */
	private static Counter deadLetterCounter(MeterRegistry meters, String topic) {
		return Counter.builder("retailhub.timeline.dead.letters")
			.description("Events the timeline could not read, sent to <topic>.experience-api.dlt")
			.tag("topic", topic)
			.register(meters);
	}

}
