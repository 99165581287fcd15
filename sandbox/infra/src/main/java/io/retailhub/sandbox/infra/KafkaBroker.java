package io.retailhub.sandbox.infra;

import java.util.Map;

/**
 * A Kafka broker (KRaft) the hub's tests hand to their services: the in-process {@link LocalKafka},
 * or a container of the {@code docker-compose.yml} image under the opt-in testcontainers profile
 * (see {@link SharedInfrastructure}). Topics are not created automatically, as on a production
 * cluster: a service declares the topics it uses, or a test creates them with
 * {@link #createTopicsIfMissing(String...)}.
 */
public interface KafkaBroker extends AutoCloseable {

	/** The value for a client's {@code bootstrap.servers}. */
	String bootstrapServers();

	/** The {@code spring.kafka.bootstrap-servers} property for a Spring Boot application. */
	default Map<String, String> springKafkaProperties() {
		return Map.of("spring.kafka.bootstrap-servers", bootstrapServers());
	}

	/**
	 * Creates the topics that do not exist yet, with {@value LocalKafka#DEFAULT_PARTITIONS}
	 * partitions each, and waits until they do. Safe to call from every test class sharing the broker.
	 */
	void createTopicsIfMissing(String... names);

	/** Stops the broker; a throw-away broker's logs are deleted. Idempotent. */
	@Override
	void close();

}
