package io.retailhub.process.platform.steps;

/**
 * What a step's attempt came to, with the database work to apply along with it. The worker
 * applies the work and the step's new state in one transaction, after the handler returned.
 */
public sealed interface StepResult {

	/** The database work to apply with this outcome. */
	TransactionWork work();

	/**
	 * Applied in ONE transaction with marking the step DONE: mutate aggregates, schedule next
	 * steps, append outbox events.
	 */
	static StepResult done(TransactionWork work) {
		return new Done(orNone(work));
	}

	/** Done, with nothing else to record. */
	static StepResult done() {
		return done(TransactionWork.none());
	}

	/**
	 * Try again later with exponential backoff + jitter (the failure was transient or ambiguous);
	 * work is applied in the same transaction that records the attempt (e.g. mark a refund
	 * UNKNOWN). Counts towards the step's max attempts; see {@link StepHandler#exhausted}.
	 */
	static StepResult retry(String error, TransactionWork work) {
		return new Retry(orUnknown(error), orNone(work));
	}

	static StepResult retry(String error) {
		return retry(error, TransactionWork.none());
	}

	/**
	 * The backend the step needs is down: step becomes PARKED (visible), retried with backoff
	 * until it succeeds; work applied with it (e.g. refund QUEUED, schedule a "refund pending"
	 * note once). Parking does not exhaust the step's attempts. The first park of a run logs an
	 * ALERT.
	 */
	static StepResult park(String reason, TransactionWork work) {
		return new Park(orUnknown(reason), orNone(work), RescheduledWork.none());
	}

	/**
	 * Parked, as {@link #park(String, TransactionWork)}, with work that needs the time of the next
	 * attempt: it is applied in the same transaction, after the engine rescheduled the step, and
	 * receives the step's new due time.
	 */
	static StepResult park(String reason, RescheduledWork work) {
		return new Park(orUnknown(reason), TransactionWork.none(), work != null ? work : RescheduledWork.none());
	}

	static StepResult park(String reason) {
		return park(reason, TransactionWork.none());
	}

	/** Permanent failure: step FAILED; work applied with it (e.g. return REQUIRES_ACTION). */
	static StepResult fail(String error, TransactionWork work) {
		return new Fail(orUnknown(error), orNone(work));
	}

	static StepResult fail(String error) {
		return fail(error, TransactionWork.none());
	}

	/** See {@link StepResult#done(TransactionWork)}. */
	record Done(TransactionWork work) implements StepResult {
	}

	/** See {@link StepResult#retry(String, TransactionWork)}. */
	record Retry(String error, TransactionWork work) implements StepResult {
	}

	/**
	 * See {@link StepResult#park(String, TransactionWork)}; {@code rescheduled} runs after the step
	 * was rescheduled, with its next due time.
	 */
	record Park(String reason, TransactionWork work, RescheduledWork rescheduled) implements StepResult {
	}

	/** See {@link StepResult#fail(String, TransactionWork)}. */
	record Fail(String error, TransactionWork work) implements StepResult {
	}

	private static TransactionWork orNone(TransactionWork work) {
		return work != null ? work : TransactionWork.none();
	}

	private static String orUnknown(String text) {
		return text != null && !text.isBlank() ? text : "no reason given";
	}

}
