package io.retailhub.system.webhooks;

/**
 * Kafka did not acknowledge an event in time. Whether it was written is unknown: the webhook is
 * answered 503 so the sender delivers again, and a second copy, if any, carries the same event ID.
 */
class EventsUnavailableException extends RuntimeException {

	EventsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
