package io.retailhub.process.e2e;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What the returns tests talk to the process API under test with, declared once for every
 * {@link ReturnsIntegrationTest}: its HTTP API and the warehouse's receipts on Kafka. A test
 * autowires them like any other bean.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReturnsTestBeans {

	/** Lazy: the random port is known only once the server has started, after the beans are made. */
	@Bean
	@Lazy
	ProcessApi processApi(Environment environment) {
		return new ProcessApi(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Bean
	WarehouseReceipts warehouseReceipts(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		return new WarehouseReceipts(kafka, json);
	}
}
