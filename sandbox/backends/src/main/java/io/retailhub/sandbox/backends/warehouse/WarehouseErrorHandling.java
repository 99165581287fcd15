package io.retailhub.sandbox.backends.warehouse;

import java.util.List;
import java.util.Locale;

import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ErrorBody;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ErrorResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.FieldProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers the WMS controller's failures in the WMS dialect: malformed requests 400, invalid
 * receipts 422 with the fields at fault named as in the JSON (snake_case).
 */
@RestControllerAdvice(assignableTypes = WarehouseController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WarehouseErrorHandling {

	@ExceptionHandler(WarehouseApiException.class)
	ResponseEntity<ErrorResponse> refused(WarehouseApiException ex) {
		return error(ex.status(), ex.code(), ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ErrorResponse> invalid(MethodArgumentNotValidException ex) {
		List<FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldProblem(snakeCase(e.getField()), "invalid", e.getDefaultMessage()))
			.sorted((a, b) -> a.field().compareTo(b.field()))
			.toList();
		return error(HttpStatus.UNPROCESSABLE_CONTENT, "validation_error", "The request body is invalid", problems);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ErrorResponse> badParameter(MethodArgumentTypeMismatchException ex) {
		return refused(WarehouseApiException.badParameter(ex.getName(), "has the wrong type"));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "invalid_json", "The request body is not valid JSON for this resource",
				List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send application/json",
				List.of());
	}

	private static ResponseEntity<ErrorResponse> error(HttpStatusCode status, String code, String message,
			List<FieldProblem> problems) {
		return ResponseEntity.status(status).body(new ErrorResponse(new ErrorBody(code, message, problems)));
	}

	/** {@code lines[0].quantityReceived} becomes {@code lines[0].quantity_received}. */
	static String snakeCase(String path) {
		return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}
}
