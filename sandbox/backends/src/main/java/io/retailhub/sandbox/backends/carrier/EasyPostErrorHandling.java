package io.retailhub.sandbox.backends.carrier;

import io.retailhub.sandbox.backends.carrier.EasyPostException.ErrorResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers the carrier's failures, of its API and of its admin API alike, in EasyPost's error
 * envelope.
 */
@RestControllerAdvice(assignableTypes = { TrackerController.class, CarrierAdminController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class EasyPostErrorHandling {

	@ExceptionHandler(EasyPostException.class)
	ResponseEntity<ErrorResponse> refused(EasyPostException ex) {
		return ResponseEntity.status(ex.status()).body(ex.body());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ErrorResponse> badParameter(MethodArgumentTypeMismatchException ex) {
		return refused(EasyPostException.invalidParameter(ex.getName(), "has the wrong type"));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException ex) {
		return refused(EasyPostException.badRequest("The request body is not valid JSON for this resource."));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(EasyPostException.badRequest("Send application/json.").body());
	}
}
