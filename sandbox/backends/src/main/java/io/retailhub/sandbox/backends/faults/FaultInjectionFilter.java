package io.retailhub.sandbox.backends.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies the injected faults before a backend sees the request: added latency first, then an
 * outage or a random error answered in the backend's own error dialect, so that adapters meet
 * the failures they would meet in production; and, after a write, its answer held back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FaultInjectionFilter extends OncePerRequestFilter {

	private final Faults faults;

	private final RequestCounts requestCounts;

	FaultInjectionFilter(Faults faults, RequestCounts requestCounts) {
		this.faults = faults;
		this.requestCounts = requestCounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Backend> backend = Backend.forPath(request.getRequestURI().substring(request.getContextPath().length()));
		if (backend.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		requestCounts.record(backend.get(), request.getMethod());
		Fault fault = faults.current(backend.get());
		if (fault.latencyMs() > 0) {
			try {
				TimeUnit.MILLISECONDS.sleep(fault.latencyMs());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		Integer status = faults.errorFor(backend.get());
		if (status != null) {
			writeError(backend.get(), status, response);
			return;
		}
		if (fault.writeAnswerDelayMs() > 0 && isWrite(request)) {
			answerLate(request, response, chain, fault.writeAnswerDelayMs());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isWrite(HttpServletRequest request) {
		return !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
	}

	/** Carries the write out, keeps its whole answer back (nothing reaches the caller early), then sends it. */
	private static void answerLate(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			long delayMs) throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, held);
		try {
			TimeUnit.MILLISECONDS.sleep(delayMs);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		held.copyBodyToResponse();
	}

	private static void writeError(Backend backend, int status, HttpServletResponse response) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		if (status == 503) {
			response.setHeader("Retry-After", "5");
		}
		response.getOutputStream().write(errorBody(backend, status).getBytes(StandardCharsets.UTF_8));
	}

	/** The error body each real product sends when it is unavailable or over its limit. */
	static String errorBody(Backend backend, int status) {
		return switch (backend) {
			case ERP -> """
					{"error":{"code":"/IWFND/CM_BEC/026","message":{"lang":"en","value":"Backend system unavailable (status %d)"},\
					"innererror":{"transactionid":"00000000000000000000000000000000","errordetails":[]}}}""".formatted(status);
			case CRM -> status == 429 || status == 403
					? "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"
					: "[{\"message\":\"Server temporarily unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]";
			case PAYMENT -> status == 429
					? "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too many requests hit the API too quickly.\"}}"
					: "{\"error\":{\"type\":\"api_error\",\"message\":\"An error occurred with our connection to Stripe.\"}}";
			case WAREHOUSE, COMMERCE -> "{\"error\":{\"code\":\"unavailable\",\"message\":\"Service unavailable (status %d)\"}}"
				.formatted(status);
			case CARRIER -> status == 429
					? "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"You have exceeded your rate limit.\",\"errors\":[]}}"
					: "{\"error\":{\"code\":\"SERVICE.UNAVAILABLE\",\"message\":\"The service is temporarily unavailable (status %d).\",\"errors\":[]}}"
						.formatted(status);
		};
	}
}
