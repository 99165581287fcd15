package io.retailhub.system.commerce;

import java.net.URI;
import java.util.Iterator;

import io.retailhub.system.backend.BackendErrorHandler;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.Backends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads Shopify's error dialect ({@code {"errors":"Not Found"}} or {@code {"errors":{"field":[...]}}}).
 * A 4xx other than 429 is Shopify refusing the request: a {@link BackendRejectedException}. A 401
 * or 403 means the hub's access token is wrong or lacks a scope; that is a configuration fault no
 * retry heals, so it is a rejection (status 401, code {@code unauthorized}), never counted against
 * the store's health. 5xx and 429 stay Spring's exceptions, which {@code BackendCalls} turns into
 * "unavailable".
 *
 * <p>Shopify's message is logged, not passed on.
 */
class ShopifyErrors extends BackendErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ShopifyErrors.class);

	ShopifyErrors() {
		super(Backends.COMMERCE,
				"The commerce platform refused the hub's access token (retailhub.backends.commerce.access-token)");
	}

	@Override
	protected RuntimeException refusal(ClientHttpResponse response, HttpStatusCode status, URI url, HttpMethod method) {
		JsonNode errors = errorBody(response).path("errors");
		String code = code(status, errors);
		log.warn("commerce refused {} {} with {}: {}", method, url.getPath(), status.value(), errors);
		return new BackendRejectedException(Backends.COMMERCE, status.value(), code,
				"The commerce platform refused the request (status " + status.value() + ", code " + code + ")");
	}

	/** {@code not_found}, {@code invalid_<field>} for the first field at fault, else {@code rejected}. */
	private static String code(HttpStatusCode status, JsonNode errors) {
		if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
			return "not_found";
		}
		if (errors.isObject()) {
			Iterator<String> fields = errors.propertyNames().iterator();
			if (fields.hasNext()) {
				return "invalid_" + fields.next();
			}
		}
		return "rejected";
	}
}
