package io.retailhub.process.workflows;

/**
 * The states ops look for workflows in ({@code GET /api/process/v1/workflows?state=}).
 */
public enum WorkflowState {

	/** A step waits for a backend that was down (or refused for now) and retries by itself with backoff. */
	PARKED,

	/** The return stopped at REQUIRES_ACTION: a person decides, then resumes or cancels it. */
	NEEDS_PERSON,

	/** A step gave up (its attempts ran out, or it cannot succeed): a person must look at it. */
	FAILED,

	/**
	 * A step that is due (or running) has not moved for longer than asked: no attempt started and
	 * its state did not change. Workers down, a hung handler, a lost wake-up.
	 */
	STUCK

}
