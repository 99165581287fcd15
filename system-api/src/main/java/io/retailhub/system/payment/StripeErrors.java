package io.retailhub.system.payment;

import java.net.URI;
import java.time.Duration;

import io.retailhub.system.backend.BackendErrorHandler;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.IdempotencyKeyReusedException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.backend.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads Stripe's error dialect ({@code {"error":{"type","code","message","param"}}}) and turns
 * each refusal into the hub's exceptions:
 * <ul>
 * <li>400 {@code idempotency_error}: the idempotency key was used with other parameters, a
 * {@link BackendRejectedException} with status 409 and code {@code idempotency_error};</li>
 * <li>other 400s, 402 and the rest of 4xx: a rejection with Stripe's code
 * ({@code amount_too_large}, {@code charge_already_refunded}, ...);</li>
 * <li>404 ({@code resource_missing}): {@link ResourceNotFoundException};</li>
 * <li>409, another request with the same idempotency key still running: transient, a
 * {@link BackendUnavailableException} the retry tries again;</li>
 * <li>401/403, the hub's secret key is wrong or revoked: a configuration fault no retry heals,
 * a rejection (status 401, code {@code unauthorized}) that does not count against Stripe's health.</li>
 * </ul>
 * 429 and 5xx stay Spring's exceptions, which {@code BackendCalls} treats as "unavailable".
 * Stripe's message is logged, not passed on: callers see the code and the hub's own words.
 */
class StripeErrors extends BackendErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(StripeErrors.class);

	StripeErrors() {
		super(Backends.PAYMENT,
				"The payment provider refused the hub's credentials (retailhub.backends.payment.secret-key)");
	}

	@Override
	protected RuntimeException refusal(ClientHttpResponse response, HttpStatusCode status, URI url, HttpMethod method) {
		JsonNode error = errorBody(response).path("error");
		String type = error.path("type").asString(null);
		String code = error.path("code").asString(null);
		log.info("payment provider refused {} {} with {} {}/{}: {}", method, url.getPath(), status.value(), type, code,
				error.path("message").asString(""));
		if (status.isSameCodeAs(HttpStatus.CONFLICT)) {
			return new BackendUnavailableException(Backends.PAYMENT,
					"another request with the same idempotency key is still running", Duration.ofSeconds(1), null);
		}
		if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
			return new ResourceNotFoundException(resource(error.path("param").asString(null), url), lastSegment(url));
		}
		if ("idempotency_error".equals(type)) {
			return new IdempotencyKeyReusedException(Backends.PAYMENT, "idempotency_error",
					"This Idempotency-Key was already used with a different body; send the same body to get the "
							+ "first result again, or use a new key for a new request.");
		}
		return new BackendRejectedException(Backends.PAYMENT, status.value(), code, message(code, status));
	}

	private static String message(String code, HttpStatusCode status) {
		if (code == null) {
			return "The payment provider refused the request (status " + status.value() + ")";
		}
		return switch (code) {
			case "amount_too_large" -> "The refund is larger than what is left to refund on this payment.";
			case "charge_already_refunded" -> "This payment has already been refunded in full.";
			case "charge_disputed" -> "The payment is disputed by the customer and cannot be refunded.";
			case "payment_intent_unexpected_state" -> "The payment cannot be refunded in its current state.";
			default -> "The payment provider refused the request (code " + code + ")";
		};
	}

	private static String resource(String param, URI url) {
		if ((param != null && param.contains("payment_intent")) || url.getPath().contains("/payment_intents")) {
			return "payment";
		}
		return "refund";
	}

	private static String lastSegment(URI url) {
		String path = url.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}
}
