package io.retailhub.sandbox.backends.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StripeRateLimitTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00.100Z"));

	final StripeRateLimit limit = new StripeRateLimit(clock, new PaymentSandboxSettings(2, Duration.ofHours(24)));

	@Test
	void allowsTheConfiguredRequestsPerSecondAndRefusesTheRest() {
		assertThat(limit.tryAcquire()).isTrue();
		assertThat(limit.tryAcquire()).isTrue();
		assertThat(limit.tryAcquire()).isFalse();

		clock.advance(Duration.ofMillis(900));

		assertThat(limit.tryAcquire()).isTrue();
	}
}
