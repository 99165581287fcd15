package io.retailhub.experience.timeline.web;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.experience.timeline.TooManyStreams;
import io.retailhub.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A full instance refuses a new stream with 503 and Retry-After, so the client tries again (another instance, perhaps). */
@RestControllerAdvice(assignableTypes = { AgentTimelineController.class, PortalTimelineController.class })
class TimelineProblemHandling {

	@ExceptionHandler(TooManyStreams.class)
	ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreams ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemResponses.problem(ProblemType.BACKEND_UNAVAILABLE, ex.getMessage(), request);
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(TooManyStreams.RETRY_AFTER_SECONDS))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
