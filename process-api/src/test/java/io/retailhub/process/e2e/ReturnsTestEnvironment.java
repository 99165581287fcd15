package io.retailhub.process.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.sandbox.identity.SharedIdentity;
import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the process-api under test at the JVM's shared PostgreSQL and Kafka and at the
 * in-process system API. The returns tests use their own database and consumer group: the
 * platform's tests run another process-api context in the same JVM, and two contexts on one
 * database or one group would run each other's steps and take each other's records.
 */
class ReturnsTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String DATABASE = "process_returns";

	static final String CONSUMER_GROUP = "process-api-returns-tests";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties(DATABASE));
		properties.put("spring.kafka.consumer.group-id", CONSUMER_GROUP);
		properties.put("retailhub.system-api.base-url", HubSandbox.systemApiUrl());
		properties.putAll(SharedIdentity.serviceProperties());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("returns-test-environment", properties));
	}
}
