package io.retailhub.experience.portal;

import java.time.Duration;

/** 429: too many guest-session attempts; try again after {@code retryAfter}. */
class TooManyAttempts extends RuntimeException {

	private final Duration retryAfter;

	TooManyAttempts(Duration retryAfter) {
		super("Too many attempts; try again later.");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}
}
