package io.retailhub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.ProblemType;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code server.error.path}, {@code /error}), in the hub's
 * problem+json instead of Boot's own error body: what Tomcat forwards here is an exception that
 * escaped Spring MVC and every filter, or a status a filter or the container set with
 * {@code sendError}. Tomcat has logged the exception already, with the correlation ID (see
 * {@link CorrelationIdValve}); the answer names the ID and nothing of the exception.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class HubErrorController implements ErrorController {

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
		CorrelationIds.establish(request, response);
		int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
				? code : 500;
		ProblemType type = ProblemResponses.typeFor(status);
		ProblemDetail problem = ProblemResponses.problem(type,
				type == ProblemType.INTERNAL_ERROR ? ProblemResponses.INTERNAL_ERROR_DETAIL : type.title() + ".",
				request);
		problem.setStatus(status);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
