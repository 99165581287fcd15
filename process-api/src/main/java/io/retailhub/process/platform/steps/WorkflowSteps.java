package io.retailhub.process.platform.steps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The durable step engine as a workflow sees it. A step is scheduled in the transaction that
 * decides it is needed, runs once it is due on whichever process-api instance claims it first,
 * and is retried, parked or failed according to its handler's {@link StepResult}. State lives in
 * PostgreSQL: a crash at any point resumes where it was.
 */
public interface WorkflowSteps {

	/**
	 * Inside a transaction: schedule (idempotently — same workflowId+step twice is a no-op) a step
	 * due at dueAt. A step due now starts right after the commit, not at the next poll.
	 */
	void schedule(UUID workflowId, String workflowType, String step, Instant dueAt);

	/**
	 * PENDING/PARKED -> CANCELED, inside a transaction; a step in another state is left alone. An
	 * attempt already running finishes its outside work, but its result is discarded.
	 */
	void cancel(UUID workflowId, String step);

	/** For the workflow API: status, attempts, dueAt, lastError, parkedReason, attempts history. Oldest step first. */
	List<StepView> steps(UUID workflowId);

	/** Inside a transaction: adds an entry to the workflow's timeline. */
	void recordTimeline(UUID workflowId, String kind, String detail);

	/**
	 * Inside a transaction: adds an entry a person caused; {@code actor} ({@code <role>:<subject>})
	 * may be null when nobody was named.
	 */
	void recordTimeline(UUID workflowId, String kind, String detail, String actor);

	/** The workflow's timeline, oldest first. */
	List<TimelineEntry> timeline(UUID workflowId);

}
