package io.retailhub.process.platform.steps;

/**
 * Runs one kind of step. Register implementations as beans; each step name has exactly one
 * handler. The worker calls {@link #execute} without a transaction, then applies the returned
 * {@link StepResult} in one transaction with the step's new state.
 */
public interface StepHandler {

	/** The step name this handler runs, e.g. "return.create-rma". */
	String step();

	/**
	 * Does the step's outside work (calls to other services). No DB transaction is open here.
	 * Must be safe to run again after a crash: use step.idempotencyKey() for every backend write.
	 * An exception thrown here counts as {@link StepResult#retry}.
	 */
	StepResult execute(StepExecution step);

	/**
	 * Called (inside the completing transaction) when attempts are exhausted (maxAttempts from
	 * settings per step or default): the last attempt asked for a retry. Default:
	 * StepResult.fail(...) semantics. A result other than fail is applied as it is (a retry keeps
	 * retrying, calling this again after each further attempt).
	 */
	default StepResult exhausted(StepExecution step, String lastError) {
		return StepResult.fail(lastError, () -> {
		});
	}

}
