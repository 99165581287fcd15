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

	/** One attempt: when it ran and what came of it (DONE, RETRY, PARKED, FAILED). */
	public record StepAttempt(int attempt, Instant startedAt, Instant finishedAt, String outcome, String error) {
	}

}
