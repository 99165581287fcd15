package io.retailhub.process.platform.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StepPolicyTests {

	private static final Duration BASE = Duration.ofMillis(200);

	private static final Duration MAX = Duration.ofSeconds(60);

	@Test
	void backoffDoublesPerAttemptUpToTheMaximum() {
		// given a policy without jitter
		StepPolicy policy = new StepPolicy(25, BASE, MAX, StepSettings.Jitter.NONE);

		// when asking for the delays after attempts 1, 2, 3, 10 and 1000
		// then they double from the base and stop at the maximum, without overflowing
		assertThat(policy.backoff(1, () -> 0.5)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.backoff(2, () -> 0.5)).isEqualTo(Duration.ofMillis(400));
		assertThat(policy.backoff(3, () -> 0.5)).isEqualTo(Duration.ofMillis(800));
		assertThat(policy.backoff(10, () -> 0.5)).isEqualTo(Duration.ofMillis(60_000));
		assertThat(policy.backoff(1000, () -> 0.5)).isEqualTo(MAX);
	}

	@Test
	void fullJitterSpreadsTheDelayFromZeroToTheWholeDelay() {
		// given full jitter, when the random draw is at either end, then the delay is 0 or just below the whole
		StepPolicy policy = new StepPolicy(25, BASE, MAX, StepSettings.Jitter.FULL);
		assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ZERO);
		assertThat(policy.backoff(3, () -> 0.999)).isBetween(Duration.ofMillis(790), Duration.ofMillis(800));
	}

	@Test
	void equalJitterKeepsAtLeastHalfTheDelay() {
		// given equal jitter, when the random draw is at either end, then the delay is between half and the whole
		StepPolicy policy = new StepPolicy(25, BASE, MAX, StepSettings.Jitter.EQUAL);
		assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ofMillis(400));
		assertThat(policy.backoff(3, () -> 0.999)).isBetween(Duration.ofMillis(795), Duration.ofMillis(800));
	}

	@Test
	void stepOverridesReplaceOnlyWhatTheyName() {
		// given defaults and an override of one step's max attempts
		StepSettings settings = new StepSettings(Duration.ofMillis(50), 32, 8, Duration.ofSeconds(30), 25,
				Duration.ofSeconds(20), new StepSettings.Backoff(BASE, MAX, StepSettings.Jitter.EQUAL),
				Map.of("refund.submit", new StepSettings.Override(50, null, null)));

		// when asking for the policies, then the override applies to its step only
		assertThat(settings.policy("refund.submit"))
			.isEqualTo(new StepPolicy(50, BASE, MAX, StepSettings.Jitter.EQUAL));
		assertThat(settings.policy("return.create-rma"))
			.isEqualTo(new StepPolicy(25, BASE, MAX, StepSettings.Jitter.EQUAL));
	}

}
