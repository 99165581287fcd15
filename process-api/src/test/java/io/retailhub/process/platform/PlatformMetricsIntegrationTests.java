package io.retailhub.process.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailhub.process.support.ProcessApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** What ops' dashboards and alerts read from {@code /actuator/prometheus}. */
@ProcessApiIntegrationTest
class PlatformMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void platformGaugesAreExposedUnderTheirPrometheusNames() {
		// given the running service, when Prometheus scrapes it
		String scrape = scrape();

		// then the platform's gauges are there with the names dashboards and alerts use
		assertThat(scrape).contains("retailhub_outbox_pending", "retailhub_outbox_oldest_age_seconds",
				"retailhub_workflow_steps{application=\"process-api\",status=\"pending\"}",
				"retailhub_workflow_steps{application=\"process-api\",status=\"parked\"}",
				"retailhub_workflow_steps{application=\"process-api\",status=\"failed\"}",
				"retailhub_workflow_steps_parked_oldest_age_seconds{application=\"process-api\"}",
				"retailhub_dead_letters{application=\"process-api\",state=\"unreplayed\"}");
	}

	@Test
	void platformGaugesKeepReportingNumbersAfterGarbageCollection() {
		// given gauges whose state objects nothing else holds, and a collection that clears weak references
		System.gc();

		// when Prometheus scrapes
		String scrape = scrape();

		// then every platform gauge still reports a number, never NaN ("no data" to an alert)
		assertThat(scrape.lines()
			.filter(line -> line.startsWith("retailhub_outbox") || line.startsWith("retailhub_workflow_steps{")
					|| line.startsWith("retailhub_dead_letters{")))
			.isNotEmpty()
			.noneMatch(line -> line.endsWith("NaN"));
	}

	private String scrape() {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.body(String.class);
	}

}
