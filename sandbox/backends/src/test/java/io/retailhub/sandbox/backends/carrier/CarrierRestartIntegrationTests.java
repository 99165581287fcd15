package io.retailhub.sandbox.backends.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The carrier on a state directory, stopped and started again: its trackers, with their scans,
 * are there in the second run, creating one again answers the original, and scans go on.
 */
class CarrierRestartIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void keepsTrackersAndTheirScansAcrossARestart() {
		// given a tracker scanned once in a first run
		String code = CarrierTestApi.newTrackingCode();
		JsonNode before;
		try (ConfigurableApplicationContext first = start()) {
			CarrierTestApi carrier = api(first);
			carrier.createTracker(code, "USPS").expect(200);
			before = carrier.scan(code, "{\"status\":\"in_transit\",\"city\":\"Memphis\"}").expect(200).json();
		}

		// when the sandbox starts again
		try (ConfigurableApplicationContext second = start()) {
			CarrierTestApi carrier = api(second);

			// then
			assertThat(carrier.get("/carrier/v2/trackers/" + before.path("id").asString()).expect(200).json())
				.isEqualTo(before);
			assertThat(carrier.createTracker(code, "USPS").expect(200).json()).isEqualTo(before);
			JsonNode delivered = carrier.scan(code, "{\"status\":\"delivered\"}").expect(200).json();
			assertThat(delivered.path("tracking_details").size()).isEqualTo(3);
		}
	}

	private ConfigurableApplicationContext start() {
		return SandboxBackendsApplication.builder()
			.run("--server.port=0", "--spring.main.banner-mode=off", "--sandbox.state.directory=" + directory);
	}

	private static CarrierTestApi api(ConfigurableApplicationContext context) {
		return new CarrierTestApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
				context.getBean(SandboxCredentials.class));
	}
}
