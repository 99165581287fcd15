package io.retailhub.sandbox.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containers of the testcontainers profile, as defined (none is started: no Docker engine is
 * needed): the images of docker-compose.yml, and the settings of the embedded servers.
 */
class InfrastructureContainersTests {

	/** The top-level compose file, from this module's directory (where Maven runs its tests). */
	private static final Path COMPOSE_FILE = Path.of("../../docker-compose.yml");

	@Test
	void runTheImagesOfDockerCompose() throws IOException {
		// given
		Map<String, String> composeImages = serviceImages(Files.readString(COMPOSE_FILE));

		// then
		assertThat(composeImages).containsEntry("postgres", InfrastructureContainers.POSTGRES_IMAGE)
			.containsEntry("kafka", InfrastructureContainers.KAFKA_IMAGE);
	}

	@Test
	void postgresRunsWithTheEmbeddedServersSettingsAndSuperuser() {
		// when
		PostgreSQLContainer container = InfrastructureContainers.postgresContainer();

		// then
		assertThat(List.of(container.getCommandParts())).containsSubsequence("postgres", "-c", "fsync=off")
			.containsSubsequence("-c", "max_connections=300")
			.containsSubsequence("-c", "timezone=UTC")
			.containsSubsequence("-c", "synchronous_commit=off");
		PostgresDatabases.SERVER_SETTINGS
			.forEach((name, value) -> assertThat(container.getCommandParts()).contains(name + "=" + value));
		assertThat(container.getUsername()).isEqualTo("postgres");
		assertThat(container.getDatabaseName()).isEqualTo("postgres");
	}

	@Test
	void kafkaRunsWithTheEmbeddedBrokersSettings() {
		// when
		KafkaContainer container = InfrastructureContainers.kafkaContainer();

		// then
		assertThat(container.getEnvMap()).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
			.containsEntry("KAFKA_NUM_PARTITIONS", Integer.toString(LocalKafka.DEFAULT_PARTITIONS))
			.containsEntry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1")
			.containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
			.containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
			.containsAllEntriesOf(InfrastructureContainers.kafkaEnvironment(LocalKafka.SERVER_SETTINGS))
			// KRaft, one node: broker and controller
			.containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
		assertThat(InfrastructureContainers.kafkaEnvironment(LocalKafka.SERVER_SETTINGS))
			.hasSameSizeAs(LocalKafka.SERVER_SETTINGS);
	}

	@Test
	void namesBrokerSettingsAsTheApacheKafkaImageReadsThem() {
		assertThat(InfrastructureContainers.kafkaEnvironment(Map.of("log.cleaner.dedupe.buffer.size", "1")))
			.containsExactly(Map.entry("KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE", "1"));
		assertThat(InfrastructureContainers.kafkaEnvironment(Map.of("a.b_c-d", "1")))
			.containsExactly(Map.entry("KAFKA_A_B__C___D", "1"));
	}

	/** Each service's image in a compose file: the {@code image:} line right under a service's name. */
	private static Map<String, String> serviceImages(String compose) {
		Map<String, String> images = new HashMap<>();
		Matcher service = Pattern.compile("(?m)^  ([a-z][a-z0-9-]*):\\s*\\R((?:(?:    .*)?\\R)*)").matcher(compose);
		Pattern image = Pattern.compile("(?m)^    image:\\s*(\\S+)\\s*$");
		while (service.find()) {
			Matcher found = image.matcher(service.group(2));
			if (found.find()) {
				images.put(service.group(1), found.group(1));
			}
		}
		return images;
	}

}
