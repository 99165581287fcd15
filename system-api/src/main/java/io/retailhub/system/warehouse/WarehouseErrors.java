package io.retailhub.system.warehouse;

import java.net.URI;

import io.retailhub.system.backend.BackendErrorHandler;
import io.retailhub.system.backend.BackendRejectedException;
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
 * Reads the WMS's error dialect ({@code {"error":{"code","message"}}}). A 404 is a
 * {@link ResourceNotFoundException}; any other 4xx but 429 is the WMS refusing the request: a
 * {@link BackendRejectedException} with the WMS's code. A 401 or
 * 403 means the hub's API key is wrong or revoked; that is a configuration fault that no retry
 * heals, so it is a rejection (status 401, code {@code unauthorized}) as well, never counted
 * against the WMS's health. 5xx and 429 stay Spring's exceptions, which {@code BackendCalls}
 * turns into "unavailable".
 *
 * <p>The WMS's own message is logged, not passed on: callers see the code only.
 */
class WarehouseErrors extends BackendErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(WarehouseErrors.class);

	WarehouseErrors() {
		super(Backends.WAREHOUSE,
				"The warehouse system refused the hub's credentials (retailhub.backends.warehouse.api-key)");
	}

	@Override
	protected RuntimeException refusal(ClientHttpResponse response, HttpStatusCode status, URI url, HttpMethod method) {
		if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
			return new ResourceNotFoundException("warehouse resource", url.getPath());
		}
		JsonNode error = errorBody(response).path("error");
		String code = error.path("code").asString(null);
		log.warn("warehouse refused {} {} with {}: {} {}", method, url.getPath(), status.value(), code,
				error.path("message").asString(""));
		return new BackendRejectedException(Backends.WAREHOUSE, status.value(), code,
				"The warehouse system refused the request (status " + status.value()
						+ (code != null ? ", code " + code : "") + ")");
	}
}
