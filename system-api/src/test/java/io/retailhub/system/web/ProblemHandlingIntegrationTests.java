package io.retailhub.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

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
}
