package io.retailhub.sandbox.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What every {@link PostgresServer} does alike: its server settings and the databases of the services. */
final class PostgresDatabases {

	/** Lower-case SQL identifiers only: the name goes into CREATE DATABASE, which takes no bind parameters. */
	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	/**
	 * The server settings ({@code postgres -c name=value}) of the embedded server, given to the
	 * container too, so that the same tests meet the same server. They are zonky's defaults, written
	 * out here so that nothing depends on them staying so. Both servers also run with fsync off.
	 */
	static final Map<String, String> SERVER_SETTINGS = serverSettings();

	private PostgresDatabases() {
	}

	private static Map<String, String> serverSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		// every test JVM runs several services' pools (process-api twice in the workflow tests) on one server
		settings.put("max_connections", "300");
		settings.put("timezone", "UTC");
		// a commit returns before its WAL is on disk: throw-away test data, faster tests
		settings.put("synchronous_commit", "off");
		return Map.copyOf(settings);
	}

	/** Creates the database unless it exists, as the server's superuser; returns its JDBC URL. */
	static String createIfMissing(PostgresServer server, String database) {
		if (!DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException("Not a lower-case SQL identifier: '" + database + "'");
		}
		synchronized (server) {
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
					server.password())) {
				if (!exists(connection, database)) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("CREATE DATABASE " + database);
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create database " + database, ex);
			}
		}
		return server.jdbcUrl(database);
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

}
