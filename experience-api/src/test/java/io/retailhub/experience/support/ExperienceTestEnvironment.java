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
public class ExperienceTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String DATABASE = "experience";

	static final String CONSUMER_GROUP = "experience-api-tests";

	/** Each panel's budget in these tests. */
	public static final String PANEL_BUDGET = "2500ms";

	/** The whole answer's budget in these tests. */
	public static final String TOTAL_BUDGET = "3500ms";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties(DATABASE));
		properties.put("spring.kafka.consumer.group-id", CONSUMER_GROUP);
		properties.put("retailhub.system-api.base-url", ExperienceWorld.systemApiUrl());
		properties.put("retailhub.process-api.base-url", ExperienceWorld.processApiUrl());
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", ExperienceWorld.issuer());
		// a guest session answers no sooner than this (1 s in production): shorter keeps the tests quick
		properties.put("retailhub.experience.guest.min-answer-time", "300ms");
		// budgets of a loaded CI machine (production: 1.5 s per panel, 2.5 s in all); still below the
		// system API's 3 s time limit, so a slow backend's panel is cut by its budget, not by the layer below
		properties.put("retailhub.experience.default-budget", PANEL_BUDGET);
		properties.put("retailhub.experience.total-budget", TOTAL_BUDGET);
		for (String panel : new String[] { "order", "profile", "shipments", "payment", "returns", "cases",
				"eligibility", "orders" }) {
			properties.put("retailhub.experience.panels." + panel + ".budget", PANEL_BUDGET);
		}
		// every test's guest sessions come from 127.0.0.1: the per-order limit is the one tested over HTTP
		properties.put("retailhub.experience.guest.per-client-attempts", "1000");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("experience-test-environment", properties));
	}
}
