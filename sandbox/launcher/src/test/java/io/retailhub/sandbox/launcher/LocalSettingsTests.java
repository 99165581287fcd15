package io.retailhub.sandbox.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSettingsTests {

	@Test
	void defaultsToTheDocumentedPortsAndDataDirectory() {
		// when
		LocalSettings settings = LocalSettings.from(environment(Map.of()));

		// then
		assertThat(settings).isEqualTo(new LocalSettings(15432, 19092, 8090, 9000, 8081, 8082, 8080,
				Path.of(".retailhub-data").toAbsolutePath(), Duration.ofSeconds(20)));
	}

	@Test
	void readsEnvironmentVariables() {
		// given
		var variables = Map.<String, Object>of("RETAILHUB_PG_PORT", "0", "RETAILHUB_KAFKA_PORT", "1",
				"RETAILHUB_SANDBOX_PORT", "2", "RETAILHUB_IDENTITY_PORT", "7", "RETAILHUB_SYSTEM_API_PORT", "3", "RETAILHUB_PROCESS_API_PORT", "4",
				"RETAILHUB_EXPERIENCE_API_PORT", "6", "RETAILHUB_DATA_DIR", "hub-data",
				"RETAILHUB_AUTO_RECEIVE_AFTER", "5s");

		// when
		LocalSettings settings = LocalSettings.from(environment(variables));

		// then
		assertThat(settings).isEqualTo(new LocalSettings(0, 1, 2, 7, 3, 4, 6, Path.of("hub-data").toAbsolutePath(),
				Duration.ofSeconds(5)));
	}

	@Test
	void prefersProgramArgumentsOverEnvironmentVariables() {
		// given
		StandardEnvironment environment = environment(Map.of("RETAILHUB_SYSTEM_API_PORT", "3"));
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource("--retailhub.system-api.port=0"));

		// when
		LocalSettings settings = LocalSettings.from(environment);

		// then
		assertThat(settings.systemApiPort()).isZero();
	}

	/** The real environment with its variables replaced, so that the machine's own do not leak in. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

}
