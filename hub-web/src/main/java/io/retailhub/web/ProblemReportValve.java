package io.retailhub.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.retailhub.contracts.problems.ProblemType;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error answer, as problem+json with the correlation ID instead of its HTML page. Tomcat
 * answers by itself only what never reaches the application: a path it will not decode
 * ({@code %2F}, {@code %5C}, {@code %00}, a malformed escape), a request line or headers larger
 * than {@code server.max-http-request-header-size}, an unparseable request. Everything that does
 * reach the application is answered by {@link HubProblemHandling} or {@link HubErrorController}.
 */
class ProblemReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

	private final ProblemResponses problems;

	ProblemReportValve(ProblemResponses problems) {
		this.problems = problems;
	}

	/** The same guards as Tomcat's own report: an error, nothing written yet, reported once, I/O possible. */
	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		CorrelationIds.establish(request, response);
		ProblemType type = ProblemResponses.typeFor(status);
		ProblemDetail problem = ProblemResponses.problem(type, status == 400
				? "The request could not be read: its path, request line or headers are malformed or too large."
				: type.title() + ".", request);
		problem.setStatus(status);
		log.info("Refused a request before it reached the application: {}", status);
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(this.problems.json(problem));
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the response committed meanwhile: nothing left to answer
			log.debug("Could not write the error answer", ex);
		}
	}
}
