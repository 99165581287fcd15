package io.retailhub.process.platform.steps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A step as the workflow API shows it.
 *
 * @param dueAt when the step runs next (for PENDING and PARKED), or ran last
 * @param lastError the error of the latest failed attempt, null if none failed
 * @param parkedReason why the step is parked, null unless PARKED
 * @param history every attempt, oldest first
 */
public record StepView(UUID id, UUID workflowId, String workflowType, String step, StepStatus status, int attempts,
		Instant dueAt, String lastError, String parkedReason, Instant createdAt, Instant updatedAt,
		Instant completedAt, List<StepAttempt> history) {

	/**
	 * One attempt, recorded when it started: who ran it, when, and what came of it. {@code outcome}
	 * is DONE, RETRY, PARKED or FAILED once the attempt finished; LEASE_LOST when it finished after
	 * its claim had expired or the step was canceled (its result was discarded); RUNNING while it
	 * runs under a live claim; ABANDONED when it never finished and its claim is gone (its
	 * instance died or froze), which is when another attempt may take the step over.
	 *
	 * @param attempt the step's attempt number it ran as; an abandoned attempt and the one that
	 * took it over carry the same number
	 * @param worker the instance (lease owner) that ran it
	 * @param finishedAt null while RUNNING and when ABANDONED
	 * @param leaseUntil until when the attempt's instance held the step (its last lease renewal)
	 */
	public record StepAttempt(int attempt, String worker, Instant startedAt, Instant finishedAt, Instant leaseUntil,
			String outcome, String error) {
	}

}
