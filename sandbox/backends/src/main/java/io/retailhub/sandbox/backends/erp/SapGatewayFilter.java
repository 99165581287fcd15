package io.retailhub.sandbox.backends.erp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.sandbox.backends.SandboxCredentials;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What SAP Gateway does before a request reaches a service: HTTP Basic logon of the communication
 * user (401 otherwise), CSRF token fetch on any GET with {@code x-csrf-token: Fetch}, and the CSRF
 * check on every modifying request (403, {@code x-csrf-token: Required}, plain-text body). Runs
 * after fault injection, so an injected outage answers before the logon.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SapGatewayFilter extends OncePerRequestFilter {

	static final String CSRF_HEADER = "x-csrf-token";

	private static final Set<String> MODIFYING = Set.of("POST", "PUT", "PATCH", "MERGE", "DELETE");

	private final byte[] expectedAuthorization;

	private final CsrfSessions sessions;

	SapGatewayFilter(SandboxCredentials credentials, CsrfSessions sessions) {
		String userAndPassword = credentials.erpUsername() + ":" + credentials.erpPassword();
		this.expectedAuthorization = ("Basic "
				+ Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)))
			.getBytes(StandardCharsets.UTF_8);
		this.sessions = sessions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith(ODataController.ROOT + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!authenticated(request)) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SAP NetWeaver Application Server [S4H/100]\"");
			plainText(response, "Logon failed");
			return;
		}
		String method = request.getMethod();
		String csrf = request.getHeader(CSRF_HEADER);
		if ((method.equals("GET") || method.equals("HEAD")) && "Fetch".equalsIgnoreCase(csrf)) {
			CsrfSessions.Session session = sessions.fetch(sessionCookie(request));
			response.setHeader(CSRF_HEADER, session.token());
			if (session.created()) {
				response.addHeader(HttpHeaders.SET_COOKIE, CsrfSessions.COOKIE + "=" + session.id() + "; path=/; HttpOnly");
			}
		}
		else if (MODIFYING.contains(method) && !sessions.accepts(sessionCookie(request), csrf)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setHeader(CSRF_HEADER, "Required");
			plainText(response, "CSRF token validation failed");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean authenticated(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null
				&& MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
	}

	private static String sessionCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals(CsrfSessions.COOKIE)) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static void plainText(HttpServletResponse response, String text) throws IOException {
		response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=utf-8");
		response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
	}
}
