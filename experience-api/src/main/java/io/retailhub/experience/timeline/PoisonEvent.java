package io.retailhub.experience.timeline;

/**
 * A record that can never become a timeline entry as it is (missing envelope headers, a payload
 * that is not the type's JSON): the error handler sends it to the dead-letter topic at once,
 * without retries.
 */
class PoisonEvent extends RuntimeException {

	PoisonEvent(String message) {
		super(message);
	}

	PoisonEvent(String message, Throwable cause) {
		super(message, cause);
	}

}
