package io.retailhub.sandbox.backends.crm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.sandbox.backends.faults.Backend;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Salesforce does before any REST resource under {@code /services/data/vNN.N/} runs: the
 * bearer token must name a live session (else 401 {@code INVALID_SESSION_ID}), the call counts
 * against the org's daily API allocation (403 {@code REQUEST_LIMIT_EXCEEDED} beyond it), and the
 * response carries {@code Sforce-Limit-Info: api-usage=N/LIMIT}. The version list at
 * {@code /services/data/} needs no token and is not counted. The allocation resets at the start
 * of each UTC day (a real org uses a rolling 24 hours). Runs after fault injection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SalesforceApiFilter extends OncePerRequestFilter {

	static final String LIMIT_INFO = "Sforce-Limit-Info";

	private static final String API_PATH = Backend.CRM.pathPrefix() + "/services/data/v";

	private static final String INVALID_SESSION = """
			[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""";

	private static final String LIMIT_EXCEEDED = """
			[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""";

	private final SalesforceSessions sessions;

	private final SalesforceSettings settings;

	private final Clock clock;

	private LocalDate usageDay;

	private long usage;

	SalesforceApiFilter(SalesforceSessions sessions, SalesforceSettings settings, Clock clock) {
		this.sessions = sessions;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(API_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
		if (!sessions.isValid(token)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Token");
			write(response, HttpServletResponse.SC_UNAUTHORIZED, INVALID_SESSION);
			return;
		}
		long used = countCall();
		response.setHeader(LIMIT_INFO, "api-usage=" + used + "/" + settings.apiRequestLimit());
		if (used > settings.apiRequestLimit()) {
			write(response, HttpServletResponse.SC_FORBIDDEN, LIMIT_EXCEEDED);
			return;
		}
		chain.doFilter(request, response);
	}

	private synchronized long countCall() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (!today.equals(usageDay)) {
			usageDay = today;
			usage = 0;
		}
		return ++usage;
	}

	private static void write(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}
}
