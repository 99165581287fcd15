package io.retailhub.sandbox.backends.warehouse;

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
 * The WMS authenticates every call by the {@code X-Api-Key} header; a missing or wrong key is a
 * 401 in the WMS error dialect. Runs after fault injection: an unavailable WMS is unavailable to
 * everyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class WarehouseApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private static final String PREFIX = "/warehouse/";

	private static final byte[] UNAUTHORIZED = """
			{"error":{"code":"unauthorized","message":"Missing or invalid API key"}}"""
		.getBytes(StandardCharsets.UTF_8);

	private final byte[] apiKey;

	WarehouseApiKeyFilter(SandboxCredentials credentials) {
		this.apiKey = credentials.warehouseApiKey().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		if (given == null || !MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8))) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(UNAUTHORIZED);
			return;
		}
		chain.doFilter(request, response);
	}
}
