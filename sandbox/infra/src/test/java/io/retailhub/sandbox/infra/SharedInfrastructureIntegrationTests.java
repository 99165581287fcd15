package io.retailhub.sandbox.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedInfrastructureIntegrationTests {

	@Test
	void returnsTheSameServersOnEveryCall() {
		// given
		LocalPostgres postgres = SharedInfrastructure.postgres();
		LocalKafka kafka = SharedInfrastructure.kafka();

		// when / then
		assertThat(SharedInfrastructure.postgres()).isSameAs(postgres);
		assertThat(SharedInfrastructure.kafka()).isSameAs(kafka);
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

}
