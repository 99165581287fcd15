package io.retailhub.sandbox.backends.commerce;

import io.retailhub.sandbox.backends.HeaderSecretFilter;
import io.retailhub.sandbox.backends.SandboxCredentials;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shopify authenticates Admin API calls by the {@code X-Shopify-Access-Token} header; a missing or
 * wrong token gets Shopify's own 401 body. Runs after fault injection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ShopifyAccessTokenFilter extends HeaderSecretFilter {

	static final String HEADER = "X-Shopify-Access-Token";

	private static final String UNAUTHORIZED = """
			{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}""";

	ShopifyAccessTokenFilter(SandboxCredentials credentials) {
		super("/commerce/", HEADER, credentials.commerceAccessToken(), UNAUTHORIZED);
	}
}
