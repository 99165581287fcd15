package io.retailhub.sandbox.backends.commerce;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A refusal answered in Shopify's dialect: {@code {"errors": ...}} with the given status. */
class ShopifyApiException extends RuntimeException {

	private final HttpStatus status;

	private final Object errors;

	private ShopifyApiException(HttpStatus status, Object errors) {
		super(String.valueOf(errors));
		this.status = status;
		this.errors = errors;
	}

	static ShopifyApiException notFound() {
		return new ShopifyApiException(HttpStatus.NOT_FOUND, "Not Found");
	}

	/** A query parameter Shopify cannot use: {@code {"errors":{"limit":["..."]}}}. */
	static ShopifyApiException badParameter(String parameter, String message) {
		return new ShopifyApiException(HttpStatus.BAD_REQUEST, Map.of(parameter, List.of(message)));
	}

	HttpStatus status() {
		return status;
	}

	Object errors() {
		return errors;
	}
}
