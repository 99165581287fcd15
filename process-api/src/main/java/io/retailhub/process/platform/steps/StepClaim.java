package io.retailhub.process.platform.steps;

import java.time.Instant;
import java.util.UUID;

/**
 * A step a worker has leased: the row as the claim left it. {@code version} identifies the claim;
 * a completion carrying an older version lost its lease (it expired and another worker claimed
 * the step, or the step was canceled).
 *
 * @param attempts attempts finished before this one
 * @param status PENDING or PARKED, as the step was when claimed
 * @param traceparent the W3C traceparent of the workflow's trace, if it was scheduled in one
 */
record StepClaim(UUID id, UUID workflowId, String workflowType, String step, int attempts, Instant dueAt,
		long version, StepStatus status, String correlationId, String traceparent, String owner) {

	StepExecution execution() {
		return new StepExecution(this.id, this.workflowId, this.workflowType, this.step, this.attempts + 1,
				StepExecution.idempotencyKey(this.workflowId, this.step), this.dueAt);
	}

}
