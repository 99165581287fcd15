package io.retailhub.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatenciesTests {

	@Test
	void percentilesOfOneToAThousandMillisecondsAreTheRankedValues() {
		Latencies latencies = new Latencies();
		for (int ms = 1000; ms >= 1; ms--) {
			latencies.record(Duration.ofMillis(ms));
		}

		assertThat(latencies.count()).isEqualTo(1000);
		assertThat(millis(latencies.percentile(50))).isCloseTo(500, within(0.5));
		assertThat(millis(latencies.percentile(95))).isCloseTo(950, within(1.0));
		assertThat(millis(latencies.percentile(99))).isCloseTo(990, within(1.0));
		assertThat(millis(latencies.max())).isCloseTo(1000, within(1.0));
		assertThat(millis(latencies.mean())).isCloseTo(500.5, within(0.5));
	}

	@Test
	void oneSlowOutlierShowsOnlyAboveItsRank() {
		Latencies latencies = new Latencies();
		for (int i = 0; i < 99; i++) {
			latencies.record(Duration.ofMillis(10));
		}
		latencies.record(Duration.ofSeconds(5));

		assertThat(millis(latencies.percentile(99))).isCloseTo(10, within(0.1));
		assertThat(millis(latencies.percentile(99.9))).isCloseTo(5000, within(5.0));
		assertThat(millis(latencies.max())).isCloseTo(5000, within(5.0));
	}

	@Test
	void anEmptyBatchReportsZero() {
		Latencies latencies = new Latencies();

		assertThat(latencies.percentile(99)).isEqualTo(Duration.ZERO);
		assertThat(latencies.max()).isEqualTo(Duration.ZERO);
		assertThat(latencies.summary()).isEqualTo("p50 0.0 ms  p95 0.0 ms  p99 0.0 ms  max 0.0 ms");
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1e6;
	}

}
