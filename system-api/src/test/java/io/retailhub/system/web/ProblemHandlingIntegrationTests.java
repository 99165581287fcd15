package io.retailhub.system.web;

import io.retailhub.system.support.SystemApiHttp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import io.retailhub.system.support.SystemApiIntegrationTest;
import io.retailhub.web.RawHttp.Answer;
import io.retailhub.web.RawHttp;
import io.retailhub.web.TomcatRefusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
		var response = SystemApiHttp.withServiceToken("http://localhost:" + port)
			.get()
			.uri("/api/system/v1/orders/WEB-100001/nothing-here")
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
		return TomcatRefusals.under("/api/system/v1/orders");
	}

	/** Sent over a plain socket: HTTP clients would normalise or refuse these requests themselves. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsTomcatRefuses")
	void aRequestTomcatRefusesIsAProblemWithTheCorrelationId(String what, String target, String header)
			throws IOException {
		Answer answer = TomcatRefusals.send(port, target, header, "X-Correlation-Id: tomcat-1");

		assertThat(answer.status()).isEqualTo(400);
		TomcatRefusals.assertProblem(answer, "invalid-request");
	}

	@Test
	void anUnexpectedFailureLeaksNothing() throws IOException {
		Answer answer = RawHttp.get(port, "/test/failures/unexpected", "X-Correlation-Id: bug-1",
				SystemApiHttp.serviceAuthorizationHeader());

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.body()).contains("\"type\":\"https://retailhub.io/problems/internal-error\"")
			.contains("\"correlationId\":\"bug-1\"")
			.doesNotContain(FailureProbeController.SECRET)
			.doesNotContain("IllegalStateException");
	}
}
