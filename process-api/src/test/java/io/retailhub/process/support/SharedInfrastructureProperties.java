package io.retailhub.process.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.sandbox.identity.SharedIdentity;
import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points process-api under test at the test JVM's one PostgreSQL (database {@value #DATABASE})
 * and one Kafka broker, both started on first use and shared by every test class. The database
 * and consumer group are this context's own: another process-api context in the same JVM (the
 * returns tests run one) must neither run these steps nor take these records.
 */
class SharedInfrastructureProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String DATABASE = "process";

	static final String CONSUMER_GROUP = "process-api-platform-tests";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties(DATABASE));
		properties.put("spring.kafka.consumer.group-id", CONSUMER_GROUP);
		properties.putAll(SharedIdentity.serviceProperties());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shared-infrastructure", properties));
	}

}
