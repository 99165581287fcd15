package io.retailhub.process.platform.steps;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The retry policy of one step: how many attempts, and how long to wait before the next one. */
record StepPolicy(int maxAttempts, Duration backoffBase, Duration backoffMax, StepSettings.Jitter jitter) {

	/**
	 * The delay after attempt {@code attempt} (1-based) failed or parked:
	 * {@code min(max, base * 2^(attempt-1))}, jittered.
	 * @param random uniform in [0, 1)
	 */
	Duration backoff(int attempt, DoubleSupplier random) {
		long base = Math.max(1, this.backoffBase.toMillis());
		long max = Math.max(base, this.backoffMax.toMillis());
		int doublings = Math.max(0, attempt - 1);
		// past 2^62 the product overflows; by then it is far above any sensible max anyway
		long delay = doublings >= 62 || base > (max >> doublings) ? max : Math.min(max, base << doublings);
		long jittered = switch (this.jitter) {
			case FULL -> (long) (random.getAsDouble() * delay);
			case EQUAL -> delay / 2 + (long) (random.getAsDouble() * (delay - delay / 2));
			case NONE -> delay;
		};
		return Duration.ofMillis(jittered);
	}

}
