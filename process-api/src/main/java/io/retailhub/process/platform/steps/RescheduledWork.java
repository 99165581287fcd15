package io.retailhub.process.platform.steps;

import java.time.Instant;

/**
 * Database work applied with a parked step once the engine has rescheduled it, in the same
 * transaction, knowing when the step will be tried again (its new due time, backoff and jitter
 * included): e.g. an event that tells others when the next attempt comes. If it throws, nothing
 * of the outcome commits and the attempt counts as a retry.
 */
@FunctionalInterface
public interface RescheduledWork {

	void apply(Instant nextAttemptAt);

	/** Work that does nothing. */
	static RescheduledWork none() {
		return nextAttemptAt -> {
		};
	}

}
