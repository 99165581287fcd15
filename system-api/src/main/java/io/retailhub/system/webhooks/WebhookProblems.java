package io.retailhub.system.webhooks;

import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The webhook endpoints' refusals as problem+json, with the correlation ID. Two kinds are the
 * webhooks' own and get their own stable types: a refused signature and events that cannot be
 * published right now.
 */
@RestControllerAdvice(assignableTypes = WarehouseWebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookProblems {

	static final URI SIGNATURE_INVALID = ProblemType.WEBHOOK_SIGNATURE_INVALID.uri();

	static final URI EVENTS_UNAVAILABLE = ProblemType.EVENTS_UNAVAILABLE.uri();

	/** Seconds a sender is asked to wait before delivering again when Kafka is unavailable. */
	static final int RETRY_AFTER_SECONDS = 5;

	@ExceptionHandler(InvalidWebhookSignatureException.class)
	ResponseEntity<ProblemDetail> unauthorized(InvalidWebhookSignatureException ex, HttpServletResponse response) {
		ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, SIGNATURE_INVALID,
				ProblemType.WEBHOOK_SIGNATURE_INVALID.title(), ex.reason().detail(), response);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 realm=\"webhooks\"")
			.body(problem);
	}

	@ExceptionHandler(MalformedWebhookException.class)
	ResponseEntity<ProblemDetail> malformed(MalformedWebhookException ex, HttpServletResponse response) {
		ProblemType type = ex.errors().isEmpty() ? ProblemType.MALFORMED_REQUEST : ProblemType.INVALID_REQUEST;
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type.uri(), type.title(), ex.getMessage(), response);
		if (!ex.errors().isEmpty()) {
			problem.setProperty(ProblemProperties.ERRORS, ex.errors());
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(EventsUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(EventsUnavailableException ex, HttpServletResponse response) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, EVENTS_UNAVAILABLE,
				ProblemType.EVENTS_UNAVAILABLE.title(),
				"The event could not be stored; nothing was accepted. Deliver the webhook again.", response);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
			.body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail,
			HttpServletResponse response) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		String correlationId = response.getHeader(Headers.CORRELATION_ID);
		if (correlationId != null) {
			problem.setProperty(ProblemProperties.CORRELATION_ID, correlationId);
		}
		return problem;
	}
}
