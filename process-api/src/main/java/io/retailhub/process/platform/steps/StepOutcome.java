package io.retailhub.process.platform.steps;

import java.util.Locale;

/** What completing an attempt did to the step. */
enum StepOutcome {

	DONE, RETRY, PARKED, FAILED,

	/** The claim had expired and another worker (or a cancel) took the step: the result was discarded. */
	LEASE_LOST;

	/** The outcome as recorded in workflow_attempt. */
	String recorded() {
		return name();
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
