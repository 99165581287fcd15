package io.retailhub.sandbox.backends.payment;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every response of the simulated Stripe API a {@code Request-Id} header, as Stripe does.
 * Runs before fault injection so that injected failures carry one too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class StripeRequestIdFilter extends OncePerRequestFilter {

	static final String REQUEST_ID = "Request-Id";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !StripeGateFilter.isStripePath(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(REQUEST_ID, StripeIds.next("req_", 14));
		chain.doFilter(request, response);
	}
}
