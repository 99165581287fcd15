package io.retailhub.sandbox.backends.crm;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Salesforce REST resources as Salesforce sends them: a JSON array of
 * {@code {message, errorCode, fields}}. Ordered before Boot's problem-details handler, and
 * limited to this package's REST controller so the other backends keep their own dialects.
 */
@RestControllerAdvice(assignableTypes = SalesforceRestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SalesforceErrorHandling {

	@ExceptionHandler(SalesforceException.class)
	ResponseEntity<List<ApiError>> refused(SalesforceException ex) {
		return ResponseEntity.status(ex.status()).body(ex.errors());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<List<ApiError>> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(List.of(ApiError.of("JSON_PARSER_ERROR",
					"The request body is not a JSON object of field values or could not be parsed")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<List<ApiError>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(List.of(ApiError.of("UNSUPPORTED_MEDIA_TYPE",
					"Content type '" + ex.getContentType() + "' not supported; send application/json")));
	}
}
