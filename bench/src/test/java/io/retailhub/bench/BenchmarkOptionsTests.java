package io.retailhub.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void defaultsAreFiveHundredReturnsSixteenInFlightAfterThreeHundredWarmUp() {
		BenchmarkOptions options = BenchmarkOptions.parse();

		assertThat(options.returns()).isEqualTo(500);
		assertThat(options.warmup()).isEqualTo(300);
		assertThat(options.concurrency()).isEqualTo(16);
		assertThat(options.preset()).isEqualTo(BenchmarkOptions.Preset.SHIPPED);
		assertThat(options.properties("process")).isEmpty();
	}

	@Test
	void servicePropertiesWinOverThePreset() {
		BenchmarkOptions options = BenchmarkOptions.parse("--returns=200", "--timeout=30s", "--preset=tuned",
				"--process:retailhub.workflow.steps.concurrency=12", "--system:a.b=c");

		assertThat(options.returns()).isEqualTo(200);
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.properties("process")).containsEntry("retailhub.workflow.steps.concurrency", "12");
		assertThat(options.properties("system")).containsEntry("a.b", "c");
	}

	@Test
	void refusesWhatItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--retruns=5"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--kafka:x=1"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--concurrency=0"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("returns"));
	}

}
