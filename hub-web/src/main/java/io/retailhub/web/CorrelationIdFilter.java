package io.retailhub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the caller's {@code X-Correlation-Id} (or makes one), echoes it on the response and puts
 * it in the log context ({@value #MDC_KEY}) for the whole request, error dispatches included, so
 * every log line and every event the request causes can carry it. Under Tomcat,
 * {@link CorrelationIdValve} has decided the ID already, before any filter runs and until after
 * Tomcat has logged what escaped them; this filter then keeps it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

	public static final String MDC_KEY = "correlationId";

	public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (MdcScope scope = MdcScope.open(CorrelationIds.establish(request, response))) {
			chain.doFilter(request, response);
		}
	}

	/** An error page renders for the same request: its log lines carry the same ID. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** Puts the correlation ID in the MDC and, on close, puts back what was there before. */
	record MdcScope(String previous) implements AutoCloseable {

		static MdcScope open(String correlationId) {
			String previous = MDC.get(MDC_KEY);
			MDC.put(MDC_KEY, correlationId);
			return new MdcScope(previous);
		}

		@Override
		public void close() {
			if (this.previous == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, this.previous);
			}
		}
	}
}
