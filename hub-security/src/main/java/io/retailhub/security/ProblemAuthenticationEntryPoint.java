package io.retailhub.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.web.ProblemResponses;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a request without a valid bearer token: {@code WWW-Authenticate: Bearer ...} as RFC 6750
 * asks (with {@code error="invalid_token"} for a bad one), and a problem+json body of type
 * {@code .../problems/unauthorized} with the correlation ID. Never says why a token failed beyond
 * that: no exception message reaches the caller.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ProblemResponses problems;

	public ProblemAuthenticationEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		// sets the status and the WWW-Authenticate header, writes no body
		this.bearer.commence(request, response, exception);
		boolean tokenPresented = request.getHeader("Authorization") != null;
		String detail = tokenPresented ? "The bearer token is invalid or expired."
				: "This resource needs a bearer token (Authorization: Bearer <access token>).";
		this.problems.write(request, response, ProblemResponses.problem(ProblemType.UNAUTHORIZED, detail, request));
	}

}
