package io.retailhub.sandbox.backends.carrier;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal answered in EasyPost's error envelope:
 * {@code {"error":{"code","message","errors":[{"field","message","code","suggestion"}]}}}. The codes
 * follow EasyPost's dotted upper-case style; which code the real API sends in each case is not
 * published (see docs/sandbox.md).
 */
class EasyPostException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<FieldError> errors;

	EasyPostException(HttpStatus status, String code, String message, List<FieldError> errors) {
		super(message);
		this.status = status;
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	static EasyPostException notFound() {
		return new EasyPostException(HttpStatus.NOT_FOUND, "NOT_FOUND",
				"The requested resource could not be found.", List.of());
	}

	static EasyPostException invalidTracker(String field, String message) {
		return new EasyPostException(HttpStatus.UNPROCESSABLE_CONTENT, "TRACKER.CREATE.ERROR",
				"Unable to create tracker.", List.of(new FieldError(field, message, "E.TRACKER.INVALID", null)));
	}

	static EasyPostException invalidParameter(String field, String message) {
		return new EasyPostException(HttpStatus.UNPROCESSABLE_CONTENT, "PARAMETER.INVALID",
				"Invalid parameter: " + field + ".", List.of(new FieldError(field, message, "E.FIELD.INVALID", null)));
	}

	static EasyPostException invalidScan(String field, String message) {
		return new EasyPostException(HttpStatus.UNPROCESSABLE_CONTENT, "TRACKER.SCAN.INVALID",
				"Unable to record the scan.", List.of(new FieldError(field, message, "E.FIELD.INVALID", null)));
	}

	static EasyPostException finalized(Tracker tracker) {
		return new EasyPostException(HttpStatus.CONFLICT, "TRACKER.FINALIZED", "Tracker " + tracker.id()
				+ " is " + tracker.status().wire() + ": the carrier reports nothing after a final status.", List.of());
	}

	static EasyPostException badRequest(String message) {
		return new EasyPostException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message, List.of());
	}

	HttpStatus status() {
		return status;
	}

	ErrorResponse body() {
		return new ErrorResponse(new ErrorBody(code, getMessage(), errors));
	}

	String code() {
		return code;
	}

	/** The envelope. */
	record ErrorResponse(ErrorBody error) {
	}

	record ErrorBody(String code, String message, List<FieldError> errors) {
	}

	/** One field at fault; {@code suggestion} is occasional insight on how to correct it, mostly null. */
	record FieldError(String field, String message, String code, String suggestion) {
	}
}
