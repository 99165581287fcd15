package io.retailhub.experience.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the experience-api under test at the JVM's shared PostgreSQL (database {@value #DATABASE})
 * and Kafka, and at the in-process process API and system API of {@link ExperienceWorld}.
 */
class ExperienceTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String DATABASE = "experience";

	static final String CONSUMER_GROUP = "experience-api-tests";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties(DATABASE));
		properties.put("spring.kafka.consumer.group-id", CONSUMER_GROUP);
		properties.put("retailhub.system-api.base-url", ExperienceWorld.systemApiUrl());
		properties.put("retailhub.process-api.base-url", ExperienceWorld.processApiUrl());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("experience-test-environment", properties));
	}
}
