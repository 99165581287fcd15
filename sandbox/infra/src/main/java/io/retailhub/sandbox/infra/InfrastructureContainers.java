package io.retailhub.sandbox.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The servers of the opt-in testcontainers profile: PostgreSQL and Kafka as containers of the
 * images the top-level {@code docker-compose.yml} runs, so that the integration suites prove those
 * images. Each container gets the settings of its embedded counterpart ({@link LocalPostgres},
 * {@link LocalKafka}), so that the same tests meet the same servers; the clients in the test JVM
 * reach them on the ports Docker maps on its host.
 *
 * <p>The only class here that uses Testcontainers, an optional dependency of this module that the
 * profile puts on every module's test class path: nothing loads it unless
 * {@link SharedInfrastructure#PROPERTY} selects the containers.
 */
final class InfrastructureContainers {

	/** The image of the {@code postgres} service in docker-compose.yml (a test keeps them equal). */
	static final String POSTGRES_IMAGE = "postgres:18";

	/** The image of the {@code kafka} service in docker-compose.yml (a test keeps them equal). */
	static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

	/** The superuser, as in the embedded server and in docker-compose.yml. */
	static final String POSTGRES_USERNAME = "postgres";

	/** The superuser's password: the sandbox's well-known value, docker-compose.yml's default. */
	static final String POSTGRES_PASSWORD = "sandbox-postgres";

	private static volatile Boolean dockerAvailable;

	private InfrastructureContainers() {
	}

	/**
	 * Whether a Docker engine answers, asked once per JVM. Testcontainers looks where Docker
	 * clients look: {@code DOCKER_HOST}, {@code ~/.testcontainers.properties}, the usual sockets.
	 */
	static boolean dockerAvailable() {
		Boolean available = dockerAvailable;
		if (available == null) {
			available = DockerClientFactory.instance().isDockerAvailable();
			dockerAvailable = available;
		}
		return available;
	}

	/** The PostgreSQL container, not started. */
	static PostgreSQLContainer postgresContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
			.withUsername(POSTGRES_USERNAME)
			.withPassword(POSTGRES_PASSWORD)
			.withDatabaseName(PostgresServer.DEFAULT_DATABASE);
		container.setCommand(postgresCommand().toArray(String[]::new));
		return container;
	}

	/** {@code postgres} with the embedded server's settings; fsync off, as zonky runs it ({@code -F}). */
	static List<String> postgresCommand() {
		List<String> command = new ArrayList<>(List.of("postgres", "-c", "fsync=off"));
		PostgresDatabases.SERVER_SETTINGS.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
		return List.copyOf(command);
	}

	/**
	 * The Kafka container, not started: one KRaft node, broker and controller, whose listeners
	 * Testcontainers sets up (clients get the address Docker maps on its host), with the embedded
	 * broker's settings (no topic created automatically, {@value LocalKafka#DEFAULT_PARTITIONS}
	 * partitions, internal topics with one replica and partition).
	 */
	static KafkaContainer kafkaContainer() {
		return new KafkaContainer(KAFKA_IMAGE).withEnv(kafkaEnvironment(LocalKafka.SERVER_SETTINGS));
	}

	/** Broker settings as the apache/kafka image takes them: {@code KAFKA_} and the name with _ for ., __ for _ and ___ for -. */
	static Map<String, String> kafkaEnvironment(Map<String, String> settings) {
		Map<String, String> environment = new LinkedHashMap<>();
		settings.forEach((name, value) -> environment.put("KAFKA_"
				+ name.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase(Locale.ROOT), value));
		return environment;
	}

	/** Starts the PostgreSQL container, or says why it cannot: never an embedded server instead. */
	static PostgresServer startPostgres(BooleanSupplier dockerAvailable) {
		requireDocker(dockerAvailable, "PostgreSQL");
		PostgreSQLContainer container = postgresContainer();
		container.start();
		return new ContainerPostgres(container);
	}

	/** Starts a Kafka container, or says why it cannot: never an embedded broker instead. */
	static KafkaBroker startKafka(BooleanSupplier dockerAvailable) {
		requireDocker(dockerAvailable, "Kafka");
		KafkaContainer container = kafkaContainer();
		container.start();
		ContainerKafka kafka = new ContainerKafka(container);
		try {
			LocalKafka.awaitClients(kafka.bootstrapServers());
		}
		catch (RuntimeException ex) {
			kafka.close();
			throw ex;
		}
		return kafka;
	}

	private static void requireDocker(BooleanSupplier dockerAvailable, String server) {
		if (!dockerAvailable.getAsBoolean()) {
			throw new IllegalStateException(SharedInfrastructure.NO_DOCKER + " (" + server + " was asked for while "
					+ SharedInfrastructure.PROPERTY + "=" + SharedInfrastructure.Kind.TESTCONTAINERS.value() + ")");
		}
	}

	/** A started PostgreSQL container. */
	private static final class ContainerPostgres implements PostgresServer {

		private final PostgreSQLContainer container;

		private final String description;

		ContainerPostgres(PostgreSQLContainer container) {
			this.container = container;
			this.description = "PostgreSQL container " + POSTGRES_IMAGE + "[" + jdbcUrl() + "]";
		}

		@Override
		public String username() {
			return this.container.getUsername();
		}

		@Override
		public String password() {
			return this.container.getPassword();
		}

		@Override
		public String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.container.getHost() + ":"
					+ this.container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
		}

		@Override
		public String createDatabaseIfMissing(String database) {
			return PostgresDatabases.createIfMissing(this, database);
		}

		@Override
		public void close() {
			this.container.stop();
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

	/** A started Kafka container. */
	private static final class ContainerKafka implements KafkaBroker {

		private final KafkaContainer container;

		private final String description;

		ContainerKafka(KafkaContainer container) {
			this.container = container;
			this.description = "Kafka container " + KAFKA_IMAGE + "[" + bootstrapServers() + "]";
		}

		@Override
		public String bootstrapServers() {
			return this.container.getBootstrapServers();
		}

		@Override
		public void createTopicsIfMissing(String... names) {
			LocalKafka.createTopicsIfMissingOn(bootstrapServers(), names);
		}

		@Override
		public void close() {
			this.container.stop();
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
