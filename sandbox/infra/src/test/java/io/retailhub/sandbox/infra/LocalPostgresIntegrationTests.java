package io.retailhub.sandbox.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalPostgresIntegrationTests {

	/** What {@link CrashedOwner} does with a server before it is killed. */
	static final String WORK = "postgres";

	private static LocalPostgres postgres;

	@BeforeAll
	static void startThrowAwayServer() {
		postgres = LocalPostgres.start(0);
	}

	@AfterAll
	static void stopServer() {
		postgres.close();
	}

	@Test
	void answersSqlOnAFreePort() throws SQLException {
		// given a server started on port 0
		assertThat(postgres.port()).isPositive();

		// when
		String answer = queryForString(postgres.jdbcUrl(), "SELECT 'pong'");

		// then
		assertThat(answer).isEqualTo("pong");
		assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/postgres");
	}

	@Test
	void runsPostgreSql18() throws SQLException {
		// when
		String version = queryForString(postgres.jdbcUrl(), "SHOW server_version");

		// then
		assertThat(version).startsWith("18.");
	}

	@Test
	void createsADatabasePerServiceOnlyOnce() throws SQLException {
		// given
		String first = postgres.createDatabaseIfMissing("process_test");

		// when
		String second = postgres.createDatabaseIfMissing("process_test");

		// then
		assertThat(second).isEqualTo(first).endsWith("/process_test");
		assertThat(queryForString(second, "SELECT current_database()")).isEqualTo("process_test");
	}

	@Test
	void givesSpringDataSourcePropertiesForAServiceDatabase() {
		// when
		var properties = postgres.springDataSourceProperties("experience_test");

		// then
		assertThat(properties)
			.containsEntry("spring.datasource.url", postgres.jdbcUrl("experience_test"))
			.containsEntry("spring.datasource.username", "postgres")
			.containsEntry("spring.datasource.password", "");
	}

	@Test
	void rejectsADatabaseNameThatIsNotAPlainIdentifier() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> postgres.createDatabaseIfMissing("x; DROP DATABASE postgres"));
	}

	@Test
	void keepsRowsAcrossARestartWithTheSameDataDirectory(@TempDir Path dataDirectory) throws SQLException {
		// given a server that stored a row and stopped
		try (LocalPostgres first = LocalPostgres.start(0, dataDirectory)) {
			beforeTheCrash(first);
		}

		// when a new server starts on the same directory
		try (LocalPostgres second = LocalPostgres.start(0, dataDirectory)) {

			// then
			assertThat(second.dataDirectory()).contains(dataDirectory.toAbsolutePath());
			assertThat(queryForString(second.jdbcUrl("kept"), "SELECT text FROM note")).isEqualTo("still here");
		}
	}

	@Test
	void resumesAfterTheJvmOwningItWasKilled(@TempDir Path dataDirectory) throws Exception {
		// given a server started by another JVM, which stored a row and was killed (its server still runs)
		CrashedOwner.runAndKill(WORK, dataDirectory);

		// when a new server starts on the same directory
		try (LocalPostgres restarted = LocalPostgres.start(0, dataDirectory)) {

			// then it serves the row on its own port
			assertThat(queryForString(restarted.jdbcUrl("kept"), "SELECT text FROM note")).isEqualTo("still here");
		}
	}

	/** Done on a server that is then stopped or killed: a row committed in database {@code kept}. */
	static void beforeTheCrash(LocalPostgres server) {
		try {
			String url = server.createDatabaseIfMissing("kept");
			execute(url, "CREATE TABLE note (text varchar(20))");
			execute(url, "INSERT INTO note VALUES ('still here')");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryForString(String url, String sql) throws SQLException {
		try (Connection connection = connect(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	private static Connection connect(String url) throws SQLException {
		// every LocalPostgres has the same superuser, trusted without a password
		return DriverManager.getConnection(url, "postgres", "");
	}

}
