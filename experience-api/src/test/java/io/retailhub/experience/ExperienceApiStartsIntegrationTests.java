package io.retailhub.experience;

import java.nio.file.Files;
import java.nio.file.Path;

import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceWorld;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExperienceApiIntegrationTest
class ExperienceApiStartsIntegrationTests {

	@Value("${local.server.port}")
	int port;

	@Test
	void answersHealthWithTheWorldBelowItRunning() {
		String health = RestClient.create("http://localhost:" + port).get().uri("/actuator/health").retrieve()
			.body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");

		String processHealth = RestClient.create(ExperienceWorld.processApiUrl()).get().uri("/actuator/health")
			.retrieve().body(String.class);
		assertThat(processHealth).contains("\"status\":\"UP\"");
	}

	@Test
	void keepsItsMigrationsApartFromProcessApis() {
		// every service shares one classpath in the local run: process-api migrates classpath:db/migration
		assertThat(Files.exists(Path.of("src/main/resources/db/migration"))).isFalse();
		assertThat(Files.isDirectory(Path.of("src/main/resources/db/experience"))).isTrue();
	}
}
