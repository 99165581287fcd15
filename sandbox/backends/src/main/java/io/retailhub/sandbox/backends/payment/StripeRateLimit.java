package io.retailhub.sandbox.backends.payment;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * The account's request budget: at most {@code sandbox.payment.rate-limit-per-second} requests
 * in each wall-clock second. Fixed windows are cruder than Stripe's limiter but show the same
 * thing to a client: bursts get 429.
 */
@Component
class StripeRateLimit {

	private final Clock clock;

	private final int perSecond;

	private long windowSecond = Long.MIN_VALUE;

	private int used;

	StripeRateLimit(Clock clock, PaymentSandboxSettings settings) {
		this.clock = clock;
		this.perSecond = settings.rateLimitPerSecond();
	}

	/** Takes one request from the current second's budget; false when it is spent. */
	synchronized boolean tryAcquire() {
		long second = Math.floorDiv(clock.millis(), 1000L);
		if (second != windowSecond) {
			windowSecond = second;
			used = 0;
		}
		if (used >= perSecond) {
			return false;
		}
		used++;
		return true;
	}
}
