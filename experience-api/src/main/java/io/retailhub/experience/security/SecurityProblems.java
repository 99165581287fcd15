package io.retailhub.experience.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, with the {@code WWW-Authenticate: Bearer} challenge Spring Security
 * sets (RFC 6750), the correlation ID and a stable type; never the reason a token was refused.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final URI UNAUTHORIZED = URI.create(ProblemType.BASE_URI + "unauthorized");

	static final URI FORBIDDEN = URI.create(ProblemType.BASE_URI + "forbidden");

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json;

	SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.challenge.commence(request, response, ex);
		write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Authentication required",
				"Send a valid bearer access token.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.denied.handle(request, response, ex);
		write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
				"This token does not allow this request.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
			String title, String detail) throws IOException {
		ProblemDetail problem = ProblemResponses.problem(ProblemType.INVALID_REQUEST, detail, request);
		problem.setStatus(status.value());
		problem.setType(type);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}
}
