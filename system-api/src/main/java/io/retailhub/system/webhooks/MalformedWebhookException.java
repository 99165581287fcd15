package io.retailhub.system.webhooks;

import java.util.List;

import io.retailhub.contracts.problems.FieldError;

/**
 * A correctly signed webhook the hub cannot read: not JSON, or an event without what it must
 * carry. Answered 400, fields named as the backend sent them.
 */
class MalformedWebhookException extends RuntimeException {

	private final List<FieldError> errors;

	MalformedWebhookException(String message, List<FieldError> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return errors;
	}
}
