package io.retailhub.process.platform.steps;

/** Where a step stands. */
public enum StepStatus {

	/** Waiting until it is due, or running under a worker's lease. */
	PENDING,

	/** Finished successfully. */
	DONE,

	/** Waiting for a backend that was down; retried with backoff until it succeeds. */
	PARKED,

	/** Given up: a person must look at the workflow. */
	FAILED,

	/** Canceled before it finished (e.g. the workflow no longer needs it). */
	CANCELED

}
