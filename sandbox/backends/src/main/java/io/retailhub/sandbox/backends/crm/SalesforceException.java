package io.retailhub.sandbox.backends.crm;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal the simulated org answers with a Salesforce error array. */
class SalesforceException extends RuntimeException {

	static final String NOT_FOUND_MESSAGE = "The requested resource does not exist";

	private final HttpStatus status;

	private final List<ApiError> errors;

	SalesforceException(HttpStatus status, List<ApiError> errors) {
		super(errors.isEmpty() ? status.getReasonPhrase() : errors.get(0).message());
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	static SalesforceException badRequest(String errorCode, String message) {
		return new SalesforceException(HttpStatus.BAD_REQUEST, List.of(ApiError.of(errorCode, message)));
	}

	static SalesforceException badRequest(List<ApiError> errors) {
		return new SalesforceException(HttpStatus.BAD_REQUEST, errors);
	}

	static SalesforceException notFound() {
		return notFound(NOT_FOUND_MESSAGE);
	}

	static SalesforceException notFound(String message) {
		return new SalesforceException(HttpStatus.NOT_FOUND, List.of(ApiError.of("NOT_FOUND", message)));
	}

	static SalesforceException malformedQuery(String message) {
		return badRequest("MALFORMED_QUERY", message);
	}

	HttpStatus status() {
		return status;
	}

	List<ApiError> errors() {
		return errors;
	}
}
