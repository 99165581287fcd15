package io.retailhub.sandbox.infra;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, shared by every test class in it:
 * each starts on first use, on a free port, and stops when the JVM exits. Tests isolate
 * themselves by database (one per service) and by topic or consumer group, not by server.
 *
 * <p>Which servers, the system property {@value #PROPERTY} says (see {@link Kind}): by default the
 * embedded ones ({@link LocalPostgres}, {@link LocalKafka}); {@code testcontainers} (Maven's
 * {@code -Ptestcontainers} sets it) runs containers of the images of the top-level
 * {@code docker-compose.yml} instead, with the same settings. Without a Docker engine the
 * containers cannot start, and never fall back to the embedded servers:
 * {@link ContainerInfrastructureCondition} skips the integration suites then.
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

	/** The system property that selects the servers; see {@link Kind}. */
	public static final String PROPERTY = "retailhub.test.infrastructure";

	/** Why the integration suites are skipped, or a server refused, where the containers need a Docker engine that is not there. */
	public static final String NO_DOCKER = "Docker is not available: the testcontainers profile skips the integration suites;"
			+ " run without -Ptestcontainers for the embedded servers";

	/** The kinds of servers, by the value of {@value #PROPERTY}. */
	public enum Kind {

		/** The default: a PostgreSQL server and a Kafka broker on this machine, no Docker needed. */
		EMBEDDED("embedded"),

		/** Containers of docker-compose.yml's PostgreSQL and Kafka images, on a Docker engine. */
		TESTCONTAINERS("testcontainers");

		private final String value;

		Kind(String value) {
			this.value = value;
		}

		/** The property's value that selects this kind. */
		public String value() {
			return this.value;
		}

		/**
		 * The kind a value of {@value SharedInfrastructure#PROPERTY} selects: none or blank is
		 * {@link #EMBEDDED}; an unknown value is a mistake, not a default.
		 */
		public static Kind of(String value) {
			if (value == null || value.isBlank()) {
				return EMBEDDED;
			}
			String wanted = value.trim().toLowerCase(Locale.ROOT);
			for (Kind kind : values()) {
				if (kind.value.equals(wanted)) {
					return kind;
				}
			}
			throw new IllegalArgumentException(PROPERTY + "=" + value + " selects no servers: use "
					+ EMBEDDED.value + " (the default) or " + TESTCONTAINERS.value);
		}

	}

	private SharedInfrastructure() {
	}

	/** The kind of servers this JVM's tests run on, read from the system property {@value #PROPERTY}. */
	public static Kind kind() {
		return Kind.of(System.getProperty(PROPERTY));
	}

	/** The JVM's PostgreSQL server, started on first call. */
	public static PostgresServer postgres() {
		return PostgresHolder.INSTANCE;
	}

	/** The JVM's Kafka broker, started on first call. */
	public static KafkaBroker kafka() {
		return KafkaHolder.INSTANCE;
	}

	/**
	 * A Kafka broker of its own, not the shared one, of the kind this JVM's tests run on: for a
	 * test whose records must never meet those of the others. The caller closes it.
	 */
	public static KafkaBroker startKafka() {
		return startKafka(kind(), SharedInfrastructure::dockerAvailable);
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

	/** Starts a PostgreSQL server of the given kind; the containers only where {@code docker} says an engine answers. */
	static PostgresServer startPostgres(Kind kind, BooleanSupplier docker) {
		return switch (kind) {
			case EMBEDDED -> LocalPostgres.start(0);
			case TESTCONTAINERS -> InfrastructureContainers.startPostgres(docker);
		};
	}

	/** Starts a Kafka broker of the given kind; the containers only where {@code docker} says an engine answers. */
	static KafkaBroker startKafka(Kind kind, BooleanSupplier docker) {
		return switch (kind) {
			case EMBEDDED -> LocalKafka.start(0);
			case TESTCONTAINERS -> InfrastructureContainers.startKafka(docker);
		};
	}

	/**
	 * Whether a Docker engine answers (asked once per JVM), for the containers; Testcontainers must
	 * be on the class path, which the {@code testcontainers} Maven profile sees to.
	 */
	static boolean dockerAvailable() {
		try {
			Class.forName("org.testcontainers.DockerClientFactory", false, SharedInfrastructure.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(PROPERTY + "=" + Kind.TESTCONTAINERS.value()
					+ " needs Testcontainers on the test class path: run Maven with -Ptestcontainers", ex);
		}
		return InfrastructureContainers.dockerAvailable();
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

		static final PostgresServer INSTANCE = stopOnExit(startPostgres(kind(), SharedInfrastructure::dockerAvailable));

	}

	private static final class KafkaHolder {

		static final KafkaBroker INSTANCE = stopOnExit(startKafka(kind(), SharedInfrastructure::dockerAvailable));

	}

}
