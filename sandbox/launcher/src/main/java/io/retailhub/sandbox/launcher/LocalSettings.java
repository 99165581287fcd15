package io.retailhub.sandbox.launcher;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What a local run can be told. Each setting comes from a program argument
 * ({@code --retailhub.pg.port=0}), else a system property of the same name, else an environment
 * variable ({@code RETAILHUB_PG_PORT}), else its default. A port of 0 means a free port.
 *
 * @param postgresPort {@code RETAILHUB_PG_PORT}, default 15432
 * @param kafkaPort {@code RETAILHUB_KAFKA_PORT}, default 19092
 * @param sandboxPort {@code RETAILHUB_SANDBOX_PORT}, default 8090
 * @param identityPort {@code RETAILHUB_IDENTITY_PORT}, default 9000: the sandbox authorization
 * server, whose issuer ({@code http://localhost:<port>}) the services trust
 * @param systemApiPort {@code RETAILHUB_SYSTEM_API_PORT}, default 8081
 * @param processApiPort {@code RETAILHUB_PROCESS_API_PORT}, default 8082
 * @param experienceApiPort {@code RETAILHUB_EXPERIENCE_API_PORT}, default 8080
 * @param dataDirectory {@code RETAILHUB_DATA_DIR}, default {@code ./.retailhub-data}: what
 * survives a restart, also after a crash: PostgreSQL's cluster ({@code postgres/}), Kafka's log
 * ({@code kafka/}: topics, records, consumer groups' offsets) and the sandbox backends' state
 * ({@code sandbox/}: their snapshot and number reservations), the authorization server's signing
 * key ({@code identity/}: tokens stay valid across a restart on the same port)
 * @param autoReceiveAfter {@code RETAILHUB_AUTO_RECEIVE_AFTER}, default 20s: the sandbox
 * warehouse receives the parcel of every return the hub authorizes this long after, so a return
 * goes all the way to its refund by itself; 0s = only on demand through the sandbox admin API
 */
record LocalSettings(int postgresPort, int kafkaPort, int sandboxPort, int identityPort, int systemApiPort,
		int processApiPort, int experienceApiPort,
		Path dataDirectory,
		Duration autoReceiveAfter) {

	static LocalSettings from(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		return from(environment);
	}

	/** Spring's environment maps {@code retailhub.system-api.port} to {@code RETAILHUB_SYSTEM_API_PORT}. */
	static LocalSettings from(ConfigurableEnvironment environment) {
		return new LocalSettings(
			environment.getProperty("retailhub.pg.port", Integer.class, 15432),
			environment.getProperty("retailhub.kafka.port", Integer.class, 19092),
			environment.getProperty("retailhub.sandbox.port", Integer.class, 8090),
			environment.getProperty("retailhub.identity.port", Integer.class, 9000),
			environment.getProperty("retailhub.system-api.port", Integer.class, 8081),
			environment.getProperty("retailhub.process-api.port", Integer.class, 8082),
			environment.getProperty("retailhub.experience-api.port", Integer.class, 8080),
			Path.of(environment.getProperty("retailhub.data-dir", ".retailhub-data")).toAbsolutePath().normalize(),
			DurationStyle.detectAndParse(environment.getProperty("retailhub.auto-receive-after", "20s")));
	}

}
