package io.retailhub.process.platform.steps;

/**
 * Database work applied with a step's outcome, in the same transaction: change aggregates,
 * schedule next steps, append outbox events. If it throws, nothing of it commits and the attempt
 * counts as a retry.
 */
@FunctionalInterface
public interface TransactionWork {

	void apply();

	/** Work that does nothing. */
	static TransactionWork none() {
		return () -> {
		};
	}

}
