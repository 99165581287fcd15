package io.retailhub.process.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import io.retailhub.contracts.problems.Headers;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.support.ProblemProbeController;
import io.retailhub.process.support.ProcessApiIntegrationTest;
import io.retailhub.web.RawHttp.Answer;
import io.retailhub.web.TomcatRefusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Every error answer of process-api is problem+json with the correlation ID (Spring MVC's, the
 * servlet container's and Tomcat's own), and the log lines of the request carry the same ID.
 */
@ProcessApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private RestClient http;

	@BeforeEach
	void client() {
		this.http = HubSandbox.withServiceToken()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void problemExceptionBecomesItsProblemTypeWithTheCallersCorrelationId() {
		// given a caller with a correlation ID, when an endpoint refuses with a conflict
		ResponseEntity<String> answer = get("/test/problems/conflict", "corr-problem-1");

		// then the answer is problem+json of the hub's conflict type, echoing the ID
		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getHeaders().getFirst(Headers.CORRELATION_ID)).isEqualTo("corr-problem-1");
		JsonNode problem = body(answer);
		assertThat(problem.path("type").asString()).isEqualTo("https://retailhub.io/problems/conflict");
		assertThat(problem.path("title").asString()).isEqualTo("The request conflicts with the current state");
		assertThat(problem.path("detail").asString()).isEqualTo("The return was already received.");
		assertThat(problem.path("correlationId").asString()).isEqualTo("corr-problem-1");
	}

	@Test
	void errorResponseWithAHubTypeKeepsItsTypeAndFieldErrors() {
		// given an endpoint throwing an ErrorResponse it built with a hub type and field errors
		ResponseEntity<String> answer = get("/test/problems/typed-error-response", "corr-problem-2");

		// then its type and properties survive, and the correlation ID is added
		JsonNode problem = body(answer);
		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(problem.path("type").asString()).isEqualTo("https://retailhub.io/problems/idempotency-key-reused");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("lines[0].quantity");
		assertThat(problem.path("correlationId").asString()).isEqualTo("corr-problem-2");
	}

	@Test
	void unexpectedFailureIsAnInternalErrorThatLeaksNothing() {
		// given an endpoint failing with an internal message, when called without a correlation ID
		ResponseEntity<String> answer = get("/test/problems/unexpected", null);

		// then the caller gets a generic 500 with a fresh correlation ID to quote, and no internals
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(body(answer).path("type").asString()).isEqualTo("https://retailhub.io/problems/internal-error");
		assertThat(answer.getHeaders().getFirst(Headers.CORRELATION_ID)).isNotBlank();
		assertThat(body(answer).path("correlationId").asString())
			.isEqualTo(answer.getHeaders().getFirst(Headers.CORRELATION_ID));
		assertThat(answer.getBody()).doesNotContain(ProblemProbeController.SECRET, "IllegalStateException");
	}

	@Test
	void theLogLineOfAnUnexpectedFailureCarriesTheCorrelationIdTheCallerWasAnswered(CapturedOutput output) {
		ResponseEntity<String> answer = get("/test/problems/unexpected", "corr-problem-500");

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(body(answer).path("correlationId").asString()).isEqualTo("corr-problem-500");
		assertThat(output.getOut())
			.containsPattern("ERROR .*\\[corr-problem-500 [0-9a-f]{32}/[0-9a-f]{16}\\] .*unexpected error on GET /test/problems/unexpected")
			.contains(ProblemProbeController.SECRET);
	}

	static Stream<Arguments> requestsTomcatRefuses() {
		return TomcatRefusals.under("/api/process/v1/returns");
	}

	/** Sent over a plain socket: HTTP clients would normalise or refuse these requests themselves. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsTomcatRefuses")
	void aRequestTomcatRefusesIsAProblemWithTheCorrelationId(String what, String target, String header)
			throws IOException {
		Answer answer = TomcatRefusals.send(this.port, target, header);

		assertThat(answer.status()).isEqualTo(400);
		TomcatRefusals.assertProblem(answer, "invalid-request");
	}

	@Test
	void unknownPathIsANotFoundProblemAndAnUnsafeCorrelationIdIsReplaced() {
		// given a correlation ID that could forge log lines, when calling a path that does not exist
		ResponseEntity<String> answer = get("/api/process/v1/returns/00000000-0000-0000-0000-000000000001/nothing-here", "bad id <script>");

		// then the answer is the hub's not-found problem, under a fresh correlation ID
		assertThat(answer.getStatusCode().value()).isEqualTo(404);
		assertThat(body(answer).path("type").asString()).isEqualTo("https://retailhub.io/problems/not-found");
		assertThat(answer.getHeaders().getFirst(Headers.CORRELATION_ID)).isNotBlank().doesNotContain("bad id");
	}

	private ResponseEntity<String> get(String path, String correlationId) {
		return this.http.get()
			.uri(path)
			.headers(headers -> {
				if (correlationId != null) {
					headers.set(Headers.CORRELATION_ID, correlationId);
				}
			})
			.retrieve()
			.toEntity(String.class);
	}

	private JsonNode body(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

}
