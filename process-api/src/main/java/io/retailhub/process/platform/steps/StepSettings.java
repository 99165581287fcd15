package io.retailhub.process.platform.steps;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the step worker claims, runs and retries steps.
 *
 * @param pollInterval pause between claims when nothing is due; scheduling a due step wakes the
 * worker at once anyway
 * @param batchSize most steps claimed per round (never more than free execution slots)
 * @param concurrency steps run at the same time by one instance
 * @param lease how long a claim is exclusive; renewed while the step runs, so only a crashed
 * instance's claims expire
 * @param maxAttempts how many attempts may ask for a retry: when the last of them does,
 * {@link StepHandler#exhausted} decides (parks do not count)
 * @param shutdownTimeout how long a stopping instance lets running steps finish
 * @param backoff delay before the next attempt after a retry or park
 * @param overrides per-step settings by step name ({@code "[refund.submit]"} in YAML, because of the dots)
 */
@Validated
@ConfigurationProperties("retailhub.workflow.steps")
record StepSettings(@DefaultValue("50ms") Duration pollInterval, @DefaultValue("32") @Min(1) int batchSize,
		@DefaultValue("8") @Min(1) int concurrency, @DefaultValue("30s") Duration lease,
		@DefaultValue("25") @Min(1) int maxAttempts, @DefaultValue("20s") Duration shutdownTimeout,
		@DefaultValue @Valid Backoff backoff, Map<String, Override> overrides) {

	StepSettings {
		overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
	}

	/** The policy for one step: its overrides over the defaults. */
	StepPolicy policy(String step) {
		Override override = this.overrides.get(step);
		if (override == null) {
			return new StepPolicy(this.maxAttempts, this.backoff.base(), this.backoff.max(), this.backoff.jitter());
		}
		return new StepPolicy(override.maxAttempts() != null ? override.maxAttempts() : this.maxAttempts,
				override.backoffBase() != null ? override.backoffBase() : this.backoff.base(),
				override.backoffMax() != null ? override.backoffMax() : this.backoff.max(), this.backoff.jitter());
	}

	/**
	 * Delay before attempt n+1: {@code min(max, base * 2^(n-1))}, then jittered.
	 *
	 * @param jitter FULL: uniformly 0..delay (spreads a thundering herd best); EQUAL: half the
	 * delay plus 0..half (never retries immediately); NONE: exact
	 */
	record Backoff(@DefaultValue("200ms") Duration base, @DefaultValue("60s") Duration max,
			@DefaultValue("equal") @NotNull Jitter jitter) {
	}

	/** Per-step settings; whatever is left out comes from the defaults. */
	record Override(@Min(1) Integer maxAttempts, Duration backoffBase, Duration backoffMax) {
	}

	enum Jitter {

		FULL, EQUAL, NONE

	}

}
