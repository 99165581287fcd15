package io.retailhub.sandbox.backends.commerce;

import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.ErrorResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the Shopify controller's refusals as Shopify does: {@code {"errors": ...}}. */
@RestControllerAdvice(assignableTypes = ShopifyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShopifyErrorHandling {

	@ExceptionHandler(ShopifyApiException.class)
	ResponseEntity<ErrorResponse> refused(ShopifyApiException ex) {
		return ResponseEntity.status(ex.status()).body(new ErrorResponse(ex.errors()));
	}
}
