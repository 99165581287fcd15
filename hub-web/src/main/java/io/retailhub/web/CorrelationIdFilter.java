package io.retailhub.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.Headers;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the caller's {@code X-Correlation-Id} (or makes one), echoes it on the response and puts
 * it in the log context ({@value #MDC_KEY}) for the whole request, so every log line and every
 * event the request causes can carry it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

	public static final String MDC_KEY = "correlationId";

	public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

	/** Accepted caller-supplied IDs: short and plain, so they are safe in logs and headers. */
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String supplied = request.getHeader(Headers.CORRELATION_ID);
		String correlationId = supplied != null && VALID.matcher(supplied).matches() ? supplied
				: UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, correlationId);
		response.setHeader(Headers.CORRELATION_ID, correlationId);
		MDC.put(MDC_KEY, correlationId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}
}
