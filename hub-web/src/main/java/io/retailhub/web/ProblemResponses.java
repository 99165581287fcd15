package io.retailhub.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds the hub's problem+json bodies: stable type, human title, correlation ID, field errors. */
public class ProblemResponses {

	/** What a 500 tells the caller: nothing of the failure, how to report it. */
	public static final String INTERNAL_ERROR_DETAIL = "Something went wrong on our side; "
			+ "quote the correlation ID when reporting it.";

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public static ProblemDetail problem(ProblemType type, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(type.status());
		problem.setType(type.uri());
		problem.setTitle(type.title());
		problem.setDetail(detail);
		Object correlationId = correlationId(request);
		if (correlationId != null) {
			problem.setProperty(ProblemProperties.CORRELATION_ID, correlationId);
		}
		return problem;
	}

	public static ProblemDetail invalid(String detail, List<FieldError> errors, HttpServletRequest request) {
		ProblemDetail problem = problem(ProblemType.INVALID_REQUEST, detail, request);
		problem.setProperty(ProblemProperties.ERRORS, errors);
		return problem;
	}

	/**
	 * The hub's problem type for a status that did not come with one of its own (Spring MVC's,
	 * the servlet container's).
	 */
	public static ProblemType typeFor(int status) {
		return switch (status) {
			case 404 -> ProblemType.NOT_FOUND;
			case 405 -> ProblemType.METHOD_NOT_ALLOWED;
			case 409 -> ProblemType.CONFLICT;
			case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
			case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			default -> status >= 400 && status < 500 ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL_ERROR;
		};
	}

	/** The request's correlation ID as {@link CorrelationIdFilter} recorded it; null outside a request. */
	public static Object correlationId(HttpServletRequest request) {
		return request != null ? request.getAttribute(CorrelationIdFilter.ATTRIBUTE) : null;
	}

	/** For filters, which run before Spring MVC's exception handling. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** The problem as the JSON text of a problem+json body. */
	String json(ProblemDetail problem) {
		return json.writeValueAsString(problem);
	}
}
