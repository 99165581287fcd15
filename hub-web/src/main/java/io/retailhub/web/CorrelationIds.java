package io.retailhub.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.Headers;

/**
 * The correlation ID of a request, decided once: the caller's {@code X-Correlation-Id} when it is
 * short and plain (safe in logs and headers), else a new one. Kept as a request attribute, so
 * that whoever asks again during the same request (the Tomcat valve, the filter, an error page)
 * gets the same ID, and echoed on the response.
 */
final class CorrelationIds {

	/** Accepted caller-supplied IDs. */
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private CorrelationIds() {
	}

	/** The request's correlation ID, decided now if nobody did yet, and set on the response. */
	static String establish(HttpServletRequest request, HttpServletResponse response) {
		String correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE) instanceof String known ? known
				: resolve(request.getHeader(Headers.CORRELATION_ID));
		request.setAttribute(CorrelationIdFilter.ATTRIBUTE, correlationId);
		response.setHeader(Headers.CORRELATION_ID, correlationId);
		return correlationId;
	}

	private static String resolve(String supplied) {
		return supplied != null && VALID.matcher(supplied).matches() ? supplied : UUID.randomUUID().toString();
	}
}
