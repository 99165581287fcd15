package io.retailhub.experience.downstream;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.web.ProblemException;
import io.retailhub.web.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A failure below that an endpoint did not word itself, answered as {@link DownstreamProblems} says. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DownstreamProblemHandling {

	@ExceptionHandler(DownstreamException.class)
	ResponseEntity<ProblemDetail> downstream(DownstreamException ex, HttpServletRequest request) {
		ProblemException problem = DownstreamProblems.of(ex);
		ProblemDetail body = ProblemResponses.problem(problem.type(), problem.getMessage(), request);
		problem.properties().forEach(body::setProperty);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(body.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.unavailable()) {
			response.header(HttpHeaders.RETRY_AFTER, "5");
		}
		return response.body(body);
	}
}
