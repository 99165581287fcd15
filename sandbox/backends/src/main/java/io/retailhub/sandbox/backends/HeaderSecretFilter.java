package io.retailhub.sandbox.backends;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every request under one path prefix by a secret in one header, as a backend's API key
 * or access token does. A missing or wrong secret is answered 401 with the backend's own JSON
 * error body and goes no further; the secret is compared in constant time. Requests outside the
 * prefix pass untouched. Each backend subclasses it as a component and sets the filter order.
 */
public class HeaderSecretFilter extends OncePerRequestFilter {

	private final String pathPrefix;

	private final String header;

	private final byte[] secret;

	private final byte[] unauthorizedBody;

	/**
	 * @param pathPrefix the guarded paths, relative to the context path (e.g. {@code /warehouse/})
	 * @param header the request header that carries the secret
	 * @param secret the one accepted value
	 * @param unauthorizedBody the JSON body of the 401 answer
	 */
	protected HeaderSecretFilter(String pathPrefix, String header, String secret, String unauthorizedBody) {
		this.pathPrefix = pathPrefix;
		this.header = header;
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.unauthorizedBody = unauthorizedBody.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(pathPrefix);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(header);
		if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(unauthorizedBody);
			return;
		}
		chain.doFilter(request, response);
	}
}
