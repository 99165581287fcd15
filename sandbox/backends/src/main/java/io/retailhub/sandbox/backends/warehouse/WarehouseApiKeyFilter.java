package io.retailhub.sandbox.backends.warehouse;

import io.retailhub.sandbox.backends.HeaderSecretFilter;
import io.retailhub.sandbox.backends.SandboxCredentials;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The WMS authenticates every call by the {@code X-Api-Key} header; a missing or wrong key is a
 * 401 in the WMS error dialect. Runs after fault injection: an unavailable WMS is unavailable to
 * everyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class WarehouseApiKeyFilter extends HeaderSecretFilter {

	static final String HEADER = "X-Api-Key";

	private static final String UNAUTHORIZED = """
			{"error":{"code":"unauthorized","message":"Missing or invalid API key"}}""";

	WarehouseApiKeyFilter(SandboxCredentials credentials) {
		super("/warehouse/", HEADER, credentials.warehouseApiKey(), UNAUTHORIZED);
	}
}
