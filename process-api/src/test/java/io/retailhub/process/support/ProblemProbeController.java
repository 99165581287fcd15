package io.retailhub.process.support;

import java.util.List;

import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.web.ProblemException;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that fail in the ways process-api's endpoints can, for the problem handling tests. */
@RestController
@RequestMapping("/test/problems")
public class ProblemProbeController {

	/** The detail of the unexpected failure; it must never reach the caller. */
	public static final String SECRET = "jdbc:postgresql://db.internal/process password=hunter2";

	@GetMapping("/conflict")
	void conflict() {
		throw ProblemException.conflict("The return was already received.");
	}

	@GetMapping("/typed-error-response")
	void typedErrorResponse() {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(409), "Key used for another request.");
		body.setType(ProblemType.IDEMPOTENCY_KEY_REUSED.uri());
		body.setTitle(ProblemType.IDEMPOTENCY_KEY_REUSED.title());
		body.setProperty(ProblemProperties.ERRORS, List.of(new FieldError("lines[0].quantity", "differs")));
		throw new ErrorResponseException(HttpStatusCode.valueOf(409), body, null);
	}

	@GetMapping("/unexpected")
	void unexpected() {
		throw new IllegalStateException(SECRET);
	}

}
