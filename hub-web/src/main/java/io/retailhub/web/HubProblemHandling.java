package io.retailhub.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

	private static final String UNKNOWN_FIELD = "unknown field";

	/** How Jackson's parser words a member that is there twice; it has no exception type of its own. */
	private static final String DUPLICATE_MEMBER = "Duplicate Object property";

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

	/**
	 * Parameters checked by a method-validation proxy ({@code @Validated} on a class) instead of by
	 * Spring MVC: the same 400 as {@link #handleHandlerMethodValidationException}, each violation
	 * named by the last node of its path (the parameter's name).
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String name = "";
			for (Path.Node node : violation.getPropertyPath()) {
				name = node.getName();
			}
			errors.add(new FieldError(name, violation.getMessage()));
		}
		return respond(ProblemResponses.invalid("Some parameters are invalid.", errors, request));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(
				ProblemResponses.problem(ProblemType.INTERNAL_ERROR, ProblemResponses.INTERNAL_ERROR_DETAIL, request));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		addFieldErrors(ex.getBindingResult(), errors);
		return asObject(ProblemResponses.invalid("Some fields are invalid.", errors, servlet(request)));
	}

	/**
	 * Constraints on parameters: a header, path variable or query parameter is named as the caller
	 * wrote it; a body validated alongside them reports its fields by their paths, as it would
	 * alone ({@link #handleMethodArgumentNotValid}).
	 */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors body) {
				addFieldErrors(body, errors);
			}
			else {
				String name = parameterName(result.getMethodParameter());
				result.getResolvableErrors().forEach(e -> errors.add(new FieldError(name, e.getDefaultMessage())));
			}
		}
		return asObject(ProblemResponses.invalid("Some parameters are invalid.", errors, servlet(request)));
	}

	/** A body's errors by their paths ({@code lines[0].quantity}); class-level ones by the object's name. */
	private static void addFieldErrors(Errors source, List<FieldError> errors) {
		source.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
		source.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
	}

	/** The name the caller used: the header's, the query parameter's or the path variable's. */
	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		if (variable != null && !variable.name().isEmpty()) {
			return variable.name();
		}
		return parameter.getParameterName();
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
		FieldError error = fieldError(ex.getCause());
		if (error != null) {
			return asObject(ProblemResponses.invalid(error.message().equals(UNKNOWN_FIELD)
					? "The request has a field this API does not know." : "Some fields are invalid.", List.of(error),
					servlet));
		}
		return asObject(ProblemResponses.problem(ProblemType.MALFORMED_REQUEST,
				"The request body is not valid JSON for this operation.", servlet));
	}

	/** The field a body could not be read at, and why; null when the body is not JSON at all. */
	private static FieldError fieldError(Throwable cause) {
		if (cause instanceof StreamReadException read && read.processor() != null
				&& read.getOriginalMessage() != null && read.getOriginalMessage().startsWith(DUPLICATE_MEMBER)) {
			// StreamReadFeature.STRICT_DUPLICATE_DETECTION: the parser stopped on the second occurrence
			return new FieldError(path(read.processor().streamReadContext().pathAsPointer()), "appears more than once");
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new FieldError(path(unknown), UNKNOWN_FIELD);
		}
		if (cause instanceof ValueInstantiationException invalid
				&& invalid.getCause() instanceof IllegalArgumentException iae) {
			return new FieldError(path(invalid), iae.getMessage());
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return new FieldError(path(mismatched), expected(mismatched));
		}
		return null;
	}

	/** What a member should have been, by the type it is read into. */
	private static String expected(MismatchedInputException ex) {
		Class<?> type = ex.getTargetType();
		if (type == null) {
			return "has the wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "must be a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return "must be a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (CharSequence.class.isAssignableFrom(type) || type.isRecord()) {
			return "must be a string";
		}
		return ex instanceof InvalidFormatException ? "has an invalid value" : "has the wrong type";
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
		ProblemType type = ProblemResponses.typeFor(statusCode.value());
		String detail = own != null && own.getDetail() != null ? own.getDetail() : type.title();
		ProblemDetail problem = ProblemResponses.problem(type, detail, servlet(request));
		problem.setStatus(statusCode.value());
		if (ex instanceof MissingRequestHeaderException missing) {
			problem.setDetail("Required header '" + missing.getHeaderName() + "' is missing.");
			problem.setProperty(ProblemProperties.ERRORS,
					List.of(new FieldError(missing.getHeaderName(), "is required")));
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			problem.setProperty(ProblemProperties.ERRORS,
					List.of(new FieldError(missing.getParameterName(), "is required")));
		}
		return ResponseEntity.status(statusCode).headers(headers).body(problem);
	}

	/** {@code lines[0].quantity}, from the path Jackson reports. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				member(path, ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/** {@code lines[0].quantity}, from a JSON pointer ({@code /lines/0/quantity}). */
	private static String path(JsonPointer pointer) {
		StringBuilder path = new StringBuilder();
		for (JsonPointer segment = pointer; segment != null && !segment.matches(); segment = segment.tail()) {
			if (segment.mayMatchElement()) {
				path.append('[').append(segment.getMatchingIndex()).append(']');
			}
			else {
				member(path, segment.getMatchingProperty());
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static void member(StringBuilder path, String name) {
		if (!path.isEmpty()) {
			path.append('.');
		}
		path.append(name);
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
