package io.retailhub.experience.timeline;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.events.Topics;
import io.retailhub.experience.support.ExperienceWorld;
import io.retailhub.process.e2e.SandboxWorld;
import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoProduct;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.Fault;
import io.retailhub.sandbox.backends.faults.Faults;
import io.retailhub.sandbox.infra.SharedInfrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What the timeline tests run against: the JVM's PostgreSQL (database {@value #DATABASE}) and
 * Kafka broker, and simulated backends with a system API of their own, over real HTTP, which a
 * test stops to prove the timeline answers without it, and the JVM's sandbox authorization server
 * ({@link ExperienceWorld#issuer()}), whose real tokens every request carries. process-api is not
 * started: the tests publish its events themselves.
 */
class TimelineWorld implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String DATABASE = "experience_timeline";

	static final String CONSUMER_GROUP = "experience-api-timeline-tests";

	/** Where nothing listens: process-api is down for these tests. */
	static final String NO_PROCESS_API = "http://localhost:9";

	private static final SandboxWorld WORLD = new SandboxWorld();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("timeline-world", properties()));
	}

	/** The settings of an experience-api instance in this world. */
	static Map<String, Object> properties() {
		// process-api declares the domain topics; here nobody runs it
		SharedInfrastructure.kafka()
			.createTopicsIfMissing(Topics.ORDERS, Topics.RETURNS, Topics.REFUNDS, Topics.CASES);
		Map<String, Object> properties = new LinkedHashMap<>(SharedInfrastructure.springProperties(DATABASE));
		properties.put("spring.kafka.consumer.group-id", CONSUMER_GROUP);
		properties.put("retailhub.system-api.base-url", WORLD.systemApiUrl());
		properties.put("retailhub.process-api.base-url", NO_PROCESS_API);
		// real tokens of the sandbox authorization server (one per test JVM)
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", ExperienceWorld.issuer());
		return properties;
	}

	/** A demo user's access token ({@code agent.ava}, {@code customer.17100001}). */
	static String token(String username) {
		return ExperienceWorld.tokens().userToken(username);
	}

	static String systemApiUrl() {
		return WORLD.systemApiUrl();
	}

	/**
	 * Places an order of one unit of a demo product in this world's sandbox ERP for the customer;
	 * the order number is the caller's.
	 */
	static void placeOrder(String orderNumber, String customerNumber) {
		DemoData data = WORLD.backends().getBean(DemoData.class);
		DemoCustomer customer = data.customer(customerNumber);
		DemoProduct product = data.products()
			.stream()
			.filter(p -> p.price(customer.currency()) != null)
			.findFirst()
			.orElseThrow();
		RestClient.create()
			.post()
			.uri(WORLD.sandboxUrl() + "/admin/erp/sales-orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderNumber", orderNumber, "customerNumber", customer.number(), "channel", "WEB", "lines",
					List.of(Map.of("sku", product.sku(), "quantity", 1, "discount", BigDecimal.ZERO))))
			.retrieve()
			.toBodilessEntity();
	}

	/** Every request to the backend fails with 503 until {@link #clearFaults()}. */
	static void outage(Backend backend) {
		WORLD.backends().getBean(Faults.class).inject(backend, new Fault(0, 0, null, true, null));
	}

	static void clearFaults() {
		WORLD.backends().getBean(Faults.class).clearAll();
	}

	/** Stops the system API for good (the backends stay). */
	static void stopSystemApi() {
		WORLD.systemApi().close();
	}

}
