package io.retailhub.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Bad input to any write gets a clear 4xx problem+json and changes nothing in any backend: the
 * sandbox's recorded effects are the same before and after.
 */
@SystemApiIntegrationTest
class BadInputIntegrationTests {

	static final String RMA = "/api/system/v1/return-authorizations";

	static final String REFUNDS = "/api/system/v1/refunds";

	static final String MEMOS = "/api/system/v1/credit-memos";

	static final String CASES = "/api/system/v1/cases";

	@LocalServerPort
	int port;

	RestClient http;

	@BeforeEach
	void client() {
		http = SystemApiHttp.client(port, "");
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				Arguments.of("malformed JSON", RMA, "{\"externalReference\":\"R-1\",", 400, "malformed-request", null),
				Arguments.of("unknown field", RMA, """
						{"externalReference":"R-bad-1","orderId":"WEB-100001","lines":[{"lineNumber":"10","quantity":1,"reason":"STYLE"}],"discount":5}""",
						400, "invalid-request", "discount"),
				Arguments.of("negative quantity", RMA, """
						{"externalReference":"R-bad-2","orderId":"WEB-100001","lines":[{"lineNumber":"10","quantity":-1,"reason":"STYLE"}]}""",
						400, "invalid-request", "lines[0].quantity"),
				Arguments.of("no lines", RMA, """
						{"externalReference":"R-bad-3","orderId":"WEB-100001","lines":[]}""", 400, "invalid-request",
						"lines"),
				Arguments.of("unknown reason", RMA, """
						{"externalReference":"R-bad-4","orderId":"WEB-100001","lines":[{"lineNumber":"10","quantity":1,"reason":"BORED"}]}""",
						400, "invalid-request", "lines[0].reason"),
				Arguments.of("unknown currency", REFUNDS, """
						{"orderId":"WEB-100001","amount":{"amount":10.00,"currency":"XYZ"},"reference":"R-bad-5"}""",
						400, "invalid-request", "amount.currency"),
				Arguments.of("negative amount", REFUNDS, """
						{"orderId":"WEB-100001","amount":{"amount":-10.00,"currency":"USD"},"reference":"R-bad-6"}""",
						400, "invalid-request", null),
				Arguments.of("credit memo without lines", MEMOS, """
						{"externalReference":"CM-bad-1","orderId":"WEB-100001","lines":[]}""", 400, "invalid-request",
						"lines"),
				Arguments.of("case without subject", CASES, """
						{"externalId":"case-bad-1","customerId":"17100001"}""", 400, "invalid-request", "subject"),
				Arguments.of("oversized payload", CASES, """
						{"externalId":"case-bad-2","customerId":"17100001","subject":"big","description":"%s"}"""
					.formatted("x".repeat(300_000)), 413, "payload-too-large", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badInputGetsAProblemAndChangesNothing(String what, String path, String body, int status, String type,
			String field) {
		String effectsBefore = effects();

		ResponseEntity<String> response = http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "bad-input-" + what.replace(' ', '-'))
			.body(body)
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("\"type\":\"https://retailhub.io/problems/" + type + "\"")
			.contains("\"correlationId\":")
			.doesNotContain("Exception")
			.doesNotContain("at io.");
		if (field != null) {
			assertThat(response.getBody()).contains("\"field\":\"" + field + "\"");
		}
		assertThat(effects()).isEqualTo(effectsBefore);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wrongMediaTypes")
	void wrongMediaTypeIsA415Problem(String path) {
		ResponseEntity<String> response = http.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(415);
		assertThat(response.getBody()).contains("unsupported-media-type");
	}

	static Stream<String> wrongMediaTypes() {
		return Stream.of(RMA, MEMOS, CASES);
	}

	private static String effects() {
		return RestClient.create(Sandbox.baseUrl()).get().uri("/admin/effects").retrieve().body(String.class);
	}
}
