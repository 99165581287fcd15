package io.retailhub.experience.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the experience-api under test at the JVM's shared PostgreSQL (database {@value #DATABASE})
 * and Kafka, at the in-process process API and system API of {@link ExperienceWorld}, and at its authorization
 * server as the issuer of user tokens (and of its own service token).
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
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", ExperienceWorld.issuer());
		// a guest session answers no sooner than this (1 s in production): shorter keeps the tests quick
		properties.put("retailhub.experience.guest.min-answer-time", "300ms");
		// every test's guest sessions come from 127.0.0.1: the per-order limit is the one tested over HTTP
		properties.put("retailhub.experience.guest.per-client-attempts", "1000");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("experience-test-environment", properties));
	}
}
