package io.retailhub.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.web.ProblemResponses;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 403 for a valid token that does not grant the call: {@code WWW-Authenticate: Bearer
 * error="insufficient_scope"} and a problem+json body of type {@code .../problems/forbidden}.
 */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

	private final ProblemResponses problems;

	public ProblemAccessDeniedHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException exception) throws IOException {
		this.bearer.handle(request, response, exception);
		this.problems.write(request, response, ProblemResponses.problem(ProblemType.FORBIDDEN,
				"The token does not grant this call.", request));
	}

}
