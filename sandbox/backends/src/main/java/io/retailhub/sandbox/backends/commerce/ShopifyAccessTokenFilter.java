package io.retailhub.sandbox.backends.commerce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.sandbox.backends.SandboxCredentials;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Shopify authenticates Admin API calls by the {@code X-Shopify-Access-Token} header; a missing or
 * wrong token gets Shopify's own 401 body. Runs after fault injection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ShopifyAccessTokenFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Shopify-Access-Token";

	private static final String PREFIX = "/commerce/";

	private static final byte[] UNAUTHORIZED = """
			{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"""
		.getBytes(StandardCharsets.UTF_8);

	private final byte[] accessToken;

	ShopifyAccessTokenFilter(SandboxCredentials credentials) {
		this.accessToken = credentials.commerceAccessToken().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		if (given == null || !MessageDigest.isEqual(accessToken, given.getBytes(StandardCharsets.UTF_8))) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(UNAUTHORIZED);
			return;
		}
		chain.doFilter(request, response);
	}
}
