package io.retailhub.system.web;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendTimeoutException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.IdempotencyKeyReusedException;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The system layer's own failures as problem+json: what a backend does not know (404), cannot
 * answer now (503 naming the backend, with Retry-After), did not answer in time after a write was
 * sent (504, it may have happened) or refuses (422, 409). Everything else,
 * bad input included, is answered by the hub-wide {@link io.retailhub.web.HubProblemHandling}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class BackendProblemHandling {

	private static final Logger log = LoggerFactory.getLogger(BackendProblemHandling.class);

	@ExceptionHandler(ResourceNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException ex, HttpServletRequest request) {
		return respond(ProblemResponses.problem(ProblemType.NOT_FOUND, ex.getMessage(), request), null);
	}

	@ExceptionHandler(BackendUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(BackendUnavailableException ex, HttpServletRequest request) {
		log.warn("backend unavailable: {}", ex.getMessage());
		ProblemDetail problem = ProblemResponses.problem(ProblemType.BACKEND_UNAVAILABLE,
				"The " + ex.backend() + " system is not answering right now; try again shortly.", request);
		problem.setProperty(ProblemProperties.BACKEND, ex.backend());
		HttpHeaders headers = new HttpHeaders();
		long seconds = ex.retryAfter() == null ? 5 : Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return respond(problem, headers);
	}

	/**
	 * A write that may have happened: 504, and no Retry-After, because trying again blindly is
	 * exactly what the caller must not do; it looks the result up or repeats the write with the
	 * same idempotency key.
	 */
	@ExceptionHandler(BackendTimeoutException.class)
	ResponseEntity<ProblemDetail> timeout(BackendTimeoutException ex, HttpServletRequest request) {
		log.warn("backend timeout: {}", ex.getMessage());
		ProblemDetail problem = ProblemResponses.problem(ProblemType.BACKEND_TIMEOUT, "The " + ex.backend()
				+ " system did not answer in time; the request may have been carried out there. Check before"
				+ " sending it again, or send it again with the same idempotency key.", request);
		problem.setProperty(ProblemProperties.BACKEND, ex.backend());
		return respond(problem, null);
	}

	@ExceptionHandler(BackendRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(BackendRejectedException ex, HttpServletRequest request) {
		ProblemType type = ex instanceof IdempotencyKeyReusedException ? ProblemType.IDEMPOTENCY_KEY_REUSED
				: ex.status() == 409 ? ProblemType.CONFLICT : ProblemType.BACKEND_REJECTED;
		ProblemDetail problem = ProblemResponses.problem(type, ex.getMessage(), request);
		problem.setProperty(ProblemProperties.BACKEND, ex.backend());
		if (ex.code() != null) {
			problem.setProperty(ProblemProperties.BACKEND_CODE, ex.code());
		}
		return respond(problem, null);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}
}
