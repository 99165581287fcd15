package io.retailhub.experience.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptLimiterTests {

	MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

	AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(1), this.clock);

	@Test
	void refusesTheAttemptPastTheLimitUntilTheOldestLeavesTheWindow() {
		assertThat(this.limiter.attempt("10.0.0.1")).isEmpty();
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.limiter.attempt("10.0.0.1")).isEmpty();
		assertThat(this.limiter.attempt("10.0.0.1")).isEmpty();

		assertThat(this.limiter.attempt("10.0.0.1")).contains(Duration.ofSeconds(40));
		assertThat(this.limiter.attempt("10.0.0.2")).isEmpty();

		this.clock.advance(Duration.ofSeconds(41));
		assertThat(this.limiter.attempt("10.0.0.1")).isEmpty();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}
}
