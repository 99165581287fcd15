package io.retailhub.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import io.retailhub.system.support.SystemApiIntegrationTest;
import io.retailhub.web.RawHttp;
import io.retailhub.web.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Every error answer of the system API is problem+json with the correlation ID, Tomcat's own refusals included. */
@SystemApiIntegrationTest
class ProblemHandlingIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void unknownPathIsANotFoundProblemWithCorrelationId() {
		var response = RestClient.create("http://localhost:" + port)
			.get()
			.uri("/api/system/v1/nothing-here")
			.header("X-Correlation-Id", "test-corr-1")
			.retrieve()
			.onStatus(s -> true, (req, res) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("\"type\":\"https://retailhub.io/problems/not-found\"")
			.contains("\"correlationId\":\"test-corr-1\"");
		assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("test-corr-1");
	}

	static Stream<Arguments> requestsTomcatRefuses() {
		String tenKilobytes = "1".repeat(10_000);
		return Stream.of(Arguments.of("an encoded slash", "/api/system/v1/orders/WEB%2F100001", ""),
				Arguments.of("an encoded backslash", "/api/system/v1/orders/WEB%5C100001", ""),
				Arguments.of("an encoded NUL", "/api/system/v1/orders/WEB%00100001", ""),
				Arguments.of("a 10 kB path", "/api/system/v1/orders/" + tenKilobytes, ""),
				Arguments.of("a 10 kB query", "/api/system/v1/orders?customerId=" + tenKilobytes, ""),
				Arguments.of("a 10 kB header", "/api/system/v1/orders/WEB-100001", "Idempotency-Key: " + tenKilobytes));
	}

	/** Sent over a plain socket: HTTP clients would normalise or refuse these requests themselves. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsTomcatRefuses")
	void aRequestTomcatRefusesIsAProblemWithTheCorrelationId(String what, String target, String header)
			throws IOException {
		Answer answer = header.isEmpty() ? RawHttp.get(port, target, "X-Correlation-Id: tomcat-1")
				: RawHttp.get(port, target, "X-Correlation-Id: tomcat-1", header);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JsonMapper.shared().readTree(answer.body());
		assertThat(problem.path("type").stringValue()).isEqualTo("https://retailhub.io/problems/invalid-request");
		// a request line or headers too large to read carry no readable correlation ID: a new one is made
		assertThat(problem.path("correlationId").stringValue()).isEqualTo(answer.header("X-Correlation-Id"))
			.isNotBlank();
	}

	@Test
	void anUnexpectedFailureLeaksNothing() throws IOException {
		Answer answer = RawHttp.get(port, "/test/failures/unexpected", "X-Correlation-Id: bug-1");

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.body()).contains("\"type\":\"https://retailhub.io/problems/internal-error\"")
			.contains("\"correlationId\":\"bug-1\"")
			.doesNotContain(FailureProbeController.SECRET)
			.doesNotContain("IllegalStateException");
	}
}
