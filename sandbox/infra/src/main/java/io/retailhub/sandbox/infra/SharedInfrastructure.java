package io.retailhub.sandbox.infra;

import java.util.HashMap;
import java.util.Map;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, shared by every test class in it:
 * each starts on first use, on a free port, and stops when the JVM exits. Tests isolate
 * themselves by database (one per service) and by topic or consumer group, not by server.
 *
 * <p>From a Spring Boot test:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     SharedInfrastructure.springProperties("process").forEach((name, value) -> registry.add(name, () -> value));
 * }
 * }</pre>
 */
public final class SharedInfrastructure {

	private SharedInfrastructure() {
	}

	/** The JVM's PostgreSQL server, started on first call. */
	public static LocalPostgres postgres() {
		return PostgresHolder.INSTANCE;
	}

	/** The JVM's Kafka broker, started on first call. */
	public static LocalKafka kafka() {
		return KafkaHolder.INSTANCE;
	}

	/**
	 * The {@code spring.datasource.*} properties for the given database (created if missing) and
	 * {@code spring.kafka.bootstrap-servers}, pointing at the shared servers.
	 * @param database a lower-case SQL identifier, e.g. {@code process}
	 */
	public static Map<String, String> springProperties(String database) {
		Map<String, String> properties = new HashMap<>(postgres().springDataSourceProperties(database));
		properties.putAll(kafka().springKafkaProperties());
		return Map.copyOf(properties);
	}

	private static <T extends AutoCloseable> T stopOnExit(T server) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				// the JVM is going away: nothing left to do but say so
				System.err.println("Could not stop " + server + ": " + ex);
			}
		}, "stop-" + server));
		return server;
	}

	// Holder classes: the JVM starts each server once, on first access, without locking.

	private static final class PostgresHolder {

		static final LocalPostgres INSTANCE = stopOnExit(LocalPostgres.start(0));

	}

	private static final class KafkaHolder {

		static final LocalKafka INSTANCE = stopOnExit(LocalKafka.start(0));

	}

}
