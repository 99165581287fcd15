package io.retailhub.system.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds the hub's problem+json bodies: stable type, human title, correlation ID, field errors. */
@Component
class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	static ProblemDetail problem(ProblemType type, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(type.status());
		problem.setType(type.uri());
		problem.setTitle(type.title());
		problem.setDetail(detail);
		Object correlationId = request != null ? request.getAttribute(CorrelationIdFilter.ATTRIBUTE) : null;
		if (correlationId != null) {
			problem.setProperty(ProblemProperties.CORRELATION_ID, correlationId);
		}
		return problem;
	}

	static ProblemDetail invalid(String detail, List<FieldError> errors, HttpServletRequest request) {
		ProblemDetail problem = problem(ProblemType.INVALID_REQUEST, detail, request);
		problem.setProperty(ProblemProperties.ERRORS, errors);
		return problem;
	}

	/** For filters, which run before Spring MVC's exception handling. */
	void write(HttpServletRequest request, HttpServletResponse response, RequestSizeLimitFilter.PayloadTooLargeException ex)
			throws IOException {
		ProblemDetail problem = problem(ProblemType.PAYLOAD_TOO_LARGE, ex.getMessage(), request);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
