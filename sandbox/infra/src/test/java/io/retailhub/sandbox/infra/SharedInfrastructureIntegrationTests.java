package io.retailhub.sandbox.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JVM's shared servers, of the kind selected (embedded by default, containers of the
 * docker-compose.yml images under the testcontainers profile): the same expectations hold for both.
 */
class SharedInfrastructureIntegrationTests {

	@Test
	void returnsTheSameServersOnEveryCall() {
		// given
		PostgresServer postgres = SharedInfrastructure.postgres();
		KafkaBroker kafka = SharedInfrastructure.kafka();

		// when / then
		assertThat(SharedInfrastructure.postgres()).isSameAs(postgres);
		assertThat(SharedInfrastructure.kafka()).isSameAs(kafka);
	}

	@Test
	void runsOnTheServersTheSystemPropertySelects() {
		if (SharedInfrastructure.kind() == SharedInfrastructure.Kind.EMBEDDED) {
			assertThat(SharedInfrastructure.postgres()).isInstanceOf(LocalPostgres.class);
			assertThat(SharedInfrastructure.kafka()).isInstanceOf(LocalKafka.class);
		}
		else {
			assertThat(SharedInfrastructure.postgres()).isNotInstanceOf(LocalPostgres.class)
				.hasToString("PostgreSQL container " + InfrastructureContainers.POSTGRES_IMAGE + "["
						+ SharedInfrastructure.postgres().jdbcUrl() + "]");
			assertThat(SharedInfrastructure.kafka()).isNotInstanceOf(LocalKafka.class)
				.hasToString("Kafka container " + InfrastructureContainers.KAFKA_IMAGE + "["
						+ SharedInfrastructure.kafka().bootstrapServers() + "]");
		}
	}

	@Test
	void givesSpringPropertiesThatReachTheSharedServers() throws SQLException {
		// when
		Map<String, String> properties = SharedInfrastructure.springProperties("shared_test");

		// then
		assertThat(properties).containsEntry("spring.kafka.bootstrap-servers", SharedInfrastructure.kafka().bootstrapServers());
		try (Connection connection = DriverManager.getConnection(properties.get("spring.datasource.url"),
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password"))) {
			assertThat(connection.getCatalog()).isEqualTo("shared_test");
		}
	}

	@Test
	void postgresIsVersion18WithTheHubsServerSettings() throws SQLException {
		PostgresServer postgres = SharedInfrastructure.postgres();
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
				postgres.password())) {
			assertThat(setting(connection, "server_version")).startsWith("18.");
			assertThat(setting(connection, "fsync")).isEqualTo("off");
			assertThat(setting(connection, "max_connections")).isEqualTo(PostgresDatabases.SERVER_SETTINGS.get("max_connections"));
			assertThat(setting(connection, "synchronous_commit")).isEqualTo(PostgresDatabases.SERVER_SETTINGS.get("synchronous_commit"));
			// PostgreSQL 18 reports the zone UTC by its canonical name
			assertThat(setting(connection, "timezone")).isIn("UTC", "Etc/UTC");
			assertThat(PostgresDatabases.SERVER_SETTINGS).containsOnlyKeys("max_connections", "synchronous_commit", "timezone");
		}
	}

	@Test
	void kafkaHasTheHubsBrokerSettings() throws Exception {
		try (Admin admin = admin()) {
			String broker = admin.describeCluster().nodes().get().iterator().next().idString();
			ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker);
			Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

			LocalKafka.SERVER_SETTINGS.forEach(
					(name, value) -> assertThat(config.get(name).value()).as(name).isEqualTo(value));
		}
	}

	@Test
	void kafkaCreatesNoTopicByItself() throws Exception {
		// given a topic nobody declared
		String topic = "test.undeclared-" + UUID.randomUUID();

		// when a producer writes to it, then it waits for the topic in vain
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
				ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(2).toMillis()), new StringSerializer(),
				new StringSerializer())) {
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "WEB-1", "lost")).get())
				.hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class)
				.hasRootCauseInstanceOf(UnknownTopicOrPartitionException.class);
		}
		try (Admin admin = admin()) {
			assertThat(admin.listTopics().names().get()).doesNotContain(topic);
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()));
	}

	private static String setting(Connection connection, String name) {
		try (PreparedStatement query = connection.prepareStatement("SELECT current_setting(?)")) {
			query.setString(1, name);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read setting " + name, ex);
		}
	}

}
