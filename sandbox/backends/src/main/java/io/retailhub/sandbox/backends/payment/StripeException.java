package io.retailhub.sandbox.backends.payment;

import java.util.Map;
import java.util.TreeMap;

/**
 * A refusal in Stripe's error dialect: {@code {"error":{"type":..,"code":..,"message":..,"param":..}}}.
 * {@code validation} marks errors found before the endpoint starts executing: Stripe does not
 * save those under an idempotency key, so the same key may be retried with corrected parameters.
 */
final class StripeException extends RuntimeException {

	private final int status;

	private final String type;

	private final String code;

	private final String param;

	private final boolean validation;

	private StripeException(int status, String type, String code, String param, String message, boolean validation) {
		super(message);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
		this.validation = validation;
	}

	/** A parameter is missing or malformed: never saved under an idempotency key. */
	static StripeException invalidParameter(String code, String param, String message) {
		return new StripeException(400, "invalid_request_error", code, param, message, true);
	}

	/** The request was understood and executed, and Stripe refused it: saved under an idempotency key. */
	static StripeException refused(String code, String param, String message) {
		return new StripeException(400, "invalid_request_error", code, param, message, false);
	}

	static StripeException notFound(String param, String message) {
		return new StripeException(404, "invalid_request_error", "resource_missing", param, message, false);
	}

	static StripeException idempotencyMismatch(String key) {
		return new StripeException(400, "idempotency_error", null, null,
				"Keys for idempotent requests can only be used with the same parameters they were first used with. "
						+ "Try using a key other than '" + key + "' if you meant to execute a different request.",
				true);
	}

	static StripeException idempotencyOtherEndpoint(String key, String firstEndpoint, String endpoint) {
		return new StripeException(400, "invalid_request_error", null, null,
				"Keys for idempotent requests can only be used for the same endpoint they were first used for ('"
						+ firstEndpoint + "' vs '" + endpoint + "'). Try using a key other than '" + key
						+ "' if you meant to execute a different request.",
				true);
	}

	static StripeException concurrentIdempotentRequest() {
		return new StripeException(409, "idempotency_error", null, null,
				"There is currently another in-progress request using this Idempotent Key (that probably means you "
						+ "submitted twice, and the other request is still going through): please retry this request later.",
				true);
	}

	static StripeException unauthorized(String message) {
		return new StripeException(401, "invalid_request_error", null, null, message, true);
	}

	/** Stripe signals rate limiting by status 429; the body's type and code are the historical ones. */
	static StripeException rateLimited() {
		return new StripeException(429, "invalid_request_error", "rate_limit", null,
				"Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.", true);
	}

	int status() {
		return status;
	}

	boolean validation() {
		return validation;
	}

	/** The error body, keys sorted as Stripe sorts them. */
	Map<String, Object> body() {
		Map<String, Object> error = new TreeMap<>();
		error.put("type", type);
		error.put("message", getMessage());
		if (code != null) {
			error.put("code", code);
			error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
		}
		if (param != null) {
			error.put("param", param);
		}
		return Map.of("error", error);
	}
}
