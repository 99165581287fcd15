package io.retailhub.process.platform.steps;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt at a step, as its handler sees it.
 *
 * @param stepId the step's row
 * @param workflowId the workflow the step belongs to
 * @param workflowType e.g. "return"
 * @param step the step name
 * @param attempt 1 for the first attempt, counting every earlier retry and park
 * @param idempotencyKey workflowId + ":" + step: the same on every attempt, for every backend write
 * @param dueAt when this attempt was due
 */
public record StepExecution(UUID stepId, UUID workflowId, String workflowType, String step, int attempt,
		String idempotencyKey, Instant dueAt) {

	/** The idempotency key of a step: stable across attempts, crashes and instances. */
	public static String idempotencyKey(UUID workflowId, String step) {
		return workflowId + ":" + step;
	}

}
