package io.retailhub.bench;

import java.time.Duration;
import java.util.List;

import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Order360OptionsTests {

	@Test
	void defaultsMeasureOneInFlightThenEightWithAHundredMillisecondsAtErp() {
		Order360Options options = Order360Options.parse();

		assertThat(options.requests()).isEqualTo(500);
		assertThat(options.warmup()).isEqualTo(300);
		assertThat(options.concurrency()).containsExactly(1, 8);
		assertThat(options.latencyConcurrency()).isEqualTo(1);
		assertThat(options.injectedRequests()).isEqualTo(50);
		assertThat(options.latency()).isEqualTo(Duration.ofMillis(100));
		assertThat(options.backend()).isEqualTo(Backend.ERP);
	}

	@Test
	void namesABackendALatencyAndConcurrencyLevels() {
		Order360Options options = Order360Options.parse("--backend=crm", "--latency=250ms", "--concurrency=4,16",
				"--requests=50", "--warmup=0", "--experience:retailhub.experience.threads=64");

		assertThat(options.backend()).isEqualTo(Backend.CRM);
		assertThat(options.latency()).isEqualTo(Duration.ofMillis(250));
		assertThat(options.concurrency()).isEqualTo(List.of(4, 16));
		assertThat(options.latencyConcurrency()).isEqualTo(4);
		assertThat(options.requests()).isEqualTo(50);
		assertThat(options.warmup()).isZero();
		assertThat(options.hub().properties("experience")).containsEntry("retailhub.experience.threads", "64");
		assertThat(Order360Options.parse("--backend=slowest").backend()).isNull();
	}

	@Test
	void theHubStartsWithExperienceApiAndWithoutTheOrderFeedUnlessToldOtherwise() {
		assertThat(Order360Options.parse().hub().experienceApi()).isTrue();
		assertThat(Order360Options.parse().hub().properties("process"))
			.containsEntry("retailhub.orders.feed.enabled", "false");
		assertThat(Order360Options.parse("--process:retailhub.orders.feed.enabled=true").hub().properties("process"))
			.containsEntry("retailhub.orders.feed.enabled", "true");
		assertThat(BenchmarkOptions.parse().hub().experienceApi()).isFalse();
	}

	@Test
	void refusesWhatItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--backend=oms"));
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--latency=0ms"));
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--latency=3m"));
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--concurrency=1,0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--concurrency=8,8"));
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--warmup=-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--kafka:x=1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Order360Options.parse("--returns=5"));
	}

}
