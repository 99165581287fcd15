package io.retailhub.experience.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code attempts} per key in any sliding {@code window}, counted in this instance's
 * memory. Each key keeps at most {@code attempts} instants; keys whose attempts all lie outside
 * the window are dropped as the map grows.
 */
final class AttemptLimiter {

	private static final int SWEEP_ABOVE = 10_000;

	private final int attempts;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> recent = new HashMap<>();

	AttemptLimiter(int attempts, Duration window, Clock clock) {
		this.attempts = attempts;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Counts an attempt for the key if it is allowed now.
	 * @return empty when allowed; else how long until the next attempt would be
	 */
	synchronized Optional<Duration> attempt(String key) {
		Instant now = this.clock.instant();
		Instant horizon = now.minus(this.window);
		if (this.recent.size() > SWEEP_ABOVE) {
			this.recent.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(horizon));
		}
		Deque<Instant> times = this.recent.computeIfAbsent(key, k -> new ArrayDeque<>());
		while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
			times.pollFirst();
		}
		if (times.size() >= this.attempts) {
			return Optional.of(Duration.between(now, times.peekFirst().plus(this.window)));
		}
		times.addLast(now);
		return Optional.empty();
	}
}
