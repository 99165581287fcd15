package io.retailhub.sandbox.infra;

import java.util.Map;

/**
 * A PostgreSQL server the hub's tests hand to their services: the embedded {@link LocalPostgres},
 * or a container of the {@code docker-compose.yml} image under the opt-in testcontainers profile
 * (see {@link SharedInfrastructure}). Each service owns its own database, created with
 * {@link #createDatabaseIfMissing(String)}; {@link #username()} is the server's superuser.
 */
public interface PostgresServer extends AutoCloseable {

	/** The database every cluster has, which the superuser connects to for administration. */
	String DEFAULT_DATABASE = "postgres";

	String username();

	String password();

	/** The JDBC URL of the given database; see {@link #createDatabaseIfMissing(String)}. */
	String jdbcUrl(String database);

	/** The JDBC URL of the default {@code postgres} database. */
	default String jdbcUrl() {
		return jdbcUrl(DEFAULT_DATABASE);
	}

	/**
	 * Creates the database unless it exists. Safe to call on every start of a service.
	 * @param database a lower-case SQL identifier, e.g. {@code process}
	 * @return the database's JDBC URL
	 */
	String createDatabaseIfMissing(String database);

	/**
	 * The {@code spring.datasource.*} properties for the given database, which is created if
	 * missing: what a service's test or the launcher hands to a Spring Boot application.
	 */
	default Map<String, String> springDataSourceProperties(String database) {
		return Map.of(
			"spring.datasource.url", createDatabaseIfMissing(database),
			"spring.datasource.username", username(),
			"spring.datasource.password", password());
	}

	/** Stops the server; a throw-away server's data is deleted. Idempotent. */
	@Override
	void close();

}
