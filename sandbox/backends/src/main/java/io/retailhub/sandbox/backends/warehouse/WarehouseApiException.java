package io.retailhub.sandbox.backends.warehouse;

import java.util.List;

import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.FieldProblem;

import org.springframework.http.HttpStatus;

/** A refusal the WMS answers in its error dialect: status, a stable code, a message and fields at fault. */
class WarehouseApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<FieldProblem> errors;

	WarehouseApiException(HttpStatus status, String code, String message, List<FieldProblem> errors) {
		super(message);
		this.status = status;
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	static WarehouseApiException notFound(String what, String id) {
		return new WarehouseApiException(HttpStatus.NOT_FOUND, "not_found", what + " '" + id + "' does not exist",
				List.of());
	}

	static WarehouseApiException badParameter(String parameter, String message) {
		return new WarehouseApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", parameter + ": " + message,
				List.of(new FieldProblem(parameter, "invalid", message)));
	}

	static WarehouseApiException conflict(String code, String message) {
		return new WarehouseApiException(HttpStatus.CONFLICT, code, message, List.of());
	}

	static WarehouseApiException unprocessable(String field, String code, String message) {
		return new WarehouseApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation_error",
				"The return receipt is invalid", List.of(new FieldProblem(field, code, message)));
	}

	HttpStatus status() {
		return status;
	}

	String code() {
		return code;
	}

	List<FieldProblem> errors() {
		return errors;
	}
}
