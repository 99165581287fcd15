package io.retailhub.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
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
 * Every error a hub service gives is RFC 9457 problem+json with a stable {@code type}, the
 * correlation ID and, for bad input, the fields at fault: never a class name, a stack trace or a
 * raw exception message. Services add advice of their own for their own exceptions, ordered before
 * this one, which answers everything they leave.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class HubProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(HubProblemHandling.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemResponses.problem(ex.type(), ex.getMessage(), request);
		ex.properties().forEach(problem::setProperty);
		return respond(problem);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		return respond(ProblemResponses.invalid(ex.getMessage(), List.of(), request));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return respond(ProblemResponses.invalid("Some parameters are invalid.",
				List.of(new FieldError(ex.getName(), "has an invalid value")), request));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(ProblemResponses.problem(ProblemType.INTERNAL_ERROR,
				"Something went wrong on our side; quote the correlation ID when reporting it.", request));
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
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
				return asObject(ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), servlet));
			}
		}
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return asObject(ProblemResponses.invalid("The request has a field this API does not know.",
					List.of(new FieldError(path(unknown), "unknown field")), servlet));
		}
		if (cause instanceof ValueInstantiationException invalid
				&& invalid.getCause() instanceof IllegalArgumentException iae) {
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
		ProblemDetail own = body instanceof ProblemDetail detail ? detail
				: ex instanceof ErrorResponse response ? response.getBody() : null;
		// an ErrorResponse that already carries one of the hub's problem types keeps it, and its properties
		if (own != null && own.getType() != null && own.getType().toString().startsWith(ProblemType.BASE_URI)) {
			Object correlationId = ProblemResponses.correlationId(servlet(request));
			if (correlationId != null) {
				own.setProperty(ProblemProperties.CORRELATION_ID, correlationId);
			}
			return ResponseEntity.status(statusCode).headers(headers).body(own);
		}
		// Spring MVC's own errors (unknown path, wrong method, media type, missing parameter):
		// keep their status and detail, give them the hub's type and the correlation ID.
		ProblemType type = switch (statusCode.value()) {
			case 404 -> ProblemType.NOT_FOUND;
			case 405 -> ProblemType.METHOD_NOT_ALLOWED;
			case 409 -> ProblemType.CONFLICT;
			case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
			case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			default -> statusCode.is4xxClientError() ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL_ERROR;
		};
		String detail = own != null && own.getDetail() != null ? own.getDetail() : type.title();
		if (ex instanceof MissingRequestHeaderException missing) {
			detail = "Required header '" + missing.getHeaderName() + "' is missing.";
		}
		ProblemDetail problem = ProblemResponses.problem(type, detail, servlet(request));
		problem.setStatus(statusCode.value());
		return ResponseEntity.status(statusCode).headers(headers).body(problem);
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

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ResponseEntity<Object> asObject(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
