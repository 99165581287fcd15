package io.retailhub.system.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.IdempotencyKeyReusedException;
import io.retailhub.system.backend.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the system API gives is RFC 9457 problem+json with a stable {@code type}, the
 * correlation ID and, for bad input, the fields at fault. Never a class name, a stack trace or a
 * backend's raw message.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

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

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		return respond(ProblemResponses.invalid(ex.getMessage(), List.of(), request), null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(ProblemResponses.problem(ProblemType.INTERNAL_ERROR,
				"Something went wrong on our side; quote the correlation ID when reporting it.", request), null);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
		return asObject(ProblemResponses.invalid("Some fields are invalid.", errors, servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(e -> errors.add(new FieldError(result.getMethodParameter().getParameterName(),
						e.getDefaultMessage()))));
		return asObject(ProblemResponses.invalid("Some parameters are invalid.", errors, servlet(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servlet = servlet(request);
		Throwable cause = ex.getCause();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
				return asObject(ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), servlet));
			}
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return asObject(ProblemResponses.invalid("The request has a field this API does not know.",
					List.of(new FieldError(path(unknown), "unknown field")), servlet));
		}
		if (cause instanceof ValueInstantiationException invalid && invalid.getCause() instanceof IllegalArgumentException iae) {
			return asObject(ProblemResponses.invalid("Some fields are invalid.",
					List.of(new FieldError(path(invalid), iae.getMessage())), servlet));
		}
		if (cause instanceof InvalidFormatException format) {
			return asObject(ProblemResponses.invalid("Some fields are invalid.",
					List.of(new FieldError(path(format), "has an invalid value")), servlet));
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return asObject(ProblemResponses.invalid("Some fields are invalid.",
					List.of(new FieldError(path(mismatched), "has the wrong type")), servlet));
		}
		return asObject(ProblemResponses.problem(ProblemType.MALFORMED_REQUEST,
				"The request body is not valid JSON for this operation.", servlet));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's own errors (unknown path, wrong method, media type, missing parameter):
		// keep their status and detail, give them the hub's type and the correlation ID.
		ProblemType type = switch (statusCode.value()) {
			case 404 -> ProblemType.NOT_FOUND;
			case 405 -> ProblemType.METHOD_NOT_ALLOWED;
			case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
			case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			default -> statusCode.is4xxClientError() ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL_ERROR;
		};
		String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : type.title();
		if (ex instanceof MissingRequestHeaderException missing) {
			detail = "Required header '" + missing.getHeaderName() + "' is missing.";
		}
		ProblemDetail problem = ProblemResponses.problem(type, detail, servlet(request));
		problem.setStatus(statusCode.value());
		return ResponseEntity.status(statusCode).headers(headers).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return respond(ProblemResponses.invalid("Some parameters are invalid.",
				List.of(new FieldError(ex.getName(), "has an invalid value")), request), null);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static HttpServletRequest servlet(WebRequest request) {
		return request instanceof NativeWebRequest nativeRequest ? nativeRequest.getNativeRequest(HttpServletRequest.class)
				: null;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static ResponseEntity<Object> asObject(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
