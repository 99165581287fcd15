package io.retailhub.system.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.contracts.events.Topics;
import io.retailhub.sandbox.infra.KafkaBroker;
import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the system API under test at the JVM's shared Kafka broker, where the hub's topics exist
 * (the broker creates none by itself, and process-api, which declares them, is not running here).
 */
class SharedKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		KafkaBroker kafka = SharedInfrastructure.kafka();
		kafka.createTopicsIfMissing(Topics.ALL.toArray(String[]::new));
		Map<String, Object> properties = new LinkedHashMap<>(kafka.springKafkaProperties());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shared-kafka", properties));
	}
}
