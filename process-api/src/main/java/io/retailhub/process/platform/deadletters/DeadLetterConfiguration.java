package io.retailhub.process.platform.deadletters;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listener container of the dead-letter store: configured like every other listener, except
 * for its error handler. A dead letter that cannot be stored (the database is down) is retried
 * until it can be, never skipped and never dead-lettered itself.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

	static final String CONTAINER_FACTORY = "deadLetterListenerContainerFactory";

	private static final long RETRY_INTERVAL_MILLIS = 1000;

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumerFactory);
		factory.setCommonErrorHandler(
				new DefaultErrorHandler(new FixedBackOff(RETRY_INTERVAL_MILLIS, FixedBackOff.UNLIMITED_ATTEMPTS)));
		return factory;
	}

}
