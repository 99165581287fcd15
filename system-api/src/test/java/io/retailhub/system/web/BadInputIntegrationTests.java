package io.retailhub.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Bad input to any endpoint gets a clear 4xx problem+json naming what is wrong and changes nothing
 * in any backend: input that is wrong on its own reaches no backend at all (the sandbox's request
 * counts are the same before and after); an amount that does not fit the order is refused after
 * the order was read and before anything is written (no write request, no recorded effect).
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

	static final String REFUND = """
			{"orderId":"WEB-100001","amount":{"amount":10.00,"currency":"USD"},"reference":"R-bad-refund","note":"n"}""";

	static final String MEMO = """
			{"externalReference":"CM-bad-1","orderId":"WEB-100001",
			 "lines":[{"lineNumber":"10","quantity":1,"amount":{"amount":10.00,"currency":"USD"}}]}""";

	static final String RETURN = """
			{"externalReference":"R-bad-rma","orderId":"WEB-100001","lines":[{"lineNumber":"10","quantity":1,"reason":"STYLE"}]}""";

	static final String CASE = """
			{"externalId":"case-bad-1","customerId":"17100001","orderId":"WEB-100001","subject":"Where is my refund?"}""";

	static Stream<Arguments> badRequests() {
		return Stream.of(
				Arguments.of("malformed JSON", RMA, "{\"externalReference\":\"R-1\",", 400, "malformed-request", null),
				Arguments.of("unknown field", RMA, RETURN.replace("\"lines\"", "\"discount\":5,\"lines\""), 400,
						"invalid-request", "discount"),
				Arguments.of("negative quantity", RMA, RETURN.replace("\"quantity\":1", "\"quantity\":-1"), 400,
						"invalid-request", "lines[0].quantity"),
				Arguments.of("no lines", RMA, """
						{"externalReference":"R-bad-3","orderId":"WEB-100001","lines":[]}""", 400, "invalid-request",
						"lines"),
				Arguments.of("unknown reason", RMA, RETURN.replace("STYLE", "BORED"), 400, "invalid-request",
						"lines[0].reason"),
				Arguments.of("unknown currency", REFUNDS, REFUND.replace("USD", "XYZ"), 400, "invalid-request",
						"amount.currency"),
				Arguments.of("negative amount", REFUNDS, REFUND.replace("10.00", "-10.00"), 400, "invalid-request",
						"amount.amount"),
				Arguments.of("credit memo without lines", MEMOS, """
						{"externalReference":"CM-bad-1","orderId":"WEB-100001","lines":[]}""", 400, "invalid-request",
						"lines"),
				Arguments.of("case without subject", CASES, """
						{"externalId":"case-bad-1","customerId":"17100001"}""", 400, "invalid-request", "subject"),
				Arguments.of("oversized payload", CASES, CASE.replace("\"subject\"",
						"\"description\":\"" + "x".repeat(300_000) + "\",\"subject\""), 413, "payload-too-large", null),
				// amounts that do not fit in minor units
				Arguments.of("refund of 99999999999999999999", REFUNDS, REFUND.replace("10.00", "99999999999999999999"),
						400, "invalid-request", "amount"),
				Arguments.of("refund of 1e308", REFUNDS, REFUND.replace("10.00", "1e308"), 400, "invalid-request",
						"amount"),
				Arguments.of("credit memo of 99999999999999999999", MEMOS, MEMO.replace("10.00", "99999999999999999999"),
						400, "invalid-request", "lines[0].amount"),
				Arguments.of("negative credit memo", MEMOS, MEMO.replace("10.00", "-10.00"), 400, "invalid-request",
						"lines[0].amount.amount"),
				// JSON read loosely
				Arguments.of("the same member twice", RMA, RETURN.replace("{\"externalReference\"",
						"{\"orderId\":\"X\",\"externalReference\""), 400, "invalid-request", "orderId"),
				Arguments.of("a number for a reference", RMA, RETURN.replace("\"R-bad-rma\"", "12345"), 400,
						"invalid-request", "externalReference"),
				Arguments.of("a boolean for an external ID", CASES, CASE.replace("\"case-bad-1\"", "true"), 400,
						"invalid-request", "externalId"),
				Arguments.of("a fraction for a quantity", RMA, RETURN.replace("\"quantity\":1", "\"quantity\":1.5"), 400,
						"invalid-request", "lines[0].quantity"),
				Arguments.of("a refund with more decimals than USD has", REFUNDS, REFUND.replace("10.00", "1.00001"), 400,
						"invalid-request", "amount"),
				Arguments.of("a credit with more decimals than USD has", MEMOS, MEMO.replace("10.00", "10.001"), 400,
						"invalid-request", "lines[0].amount"),
				// identifiers and keys
				Arguments.of("a control character in a reference", REFUNDS, REFUND.replace("R-bad-refund", "R-\\u0007"),
						400, "invalid-request", "reference"),
				Arguments.of("dots in an external reference", RMA, RETURN.replace("R-bad-rma", "../../etc"), 400,
						"invalid-request", "externalReference"),
				Arguments.of("a 10 kB external ID", CASES, CASE.replace("case-bad-1", "c".repeat(10_000)), 400,
						"invalid-request", "externalId"),
				Arguments.of("a slash in an order ID", MEMOS, MEMO.replace("WEB-100001", "WEB/100001"), 400,
						"invalid-request", "orderId"),
				Arguments.of("a 10 kB case subject", CASES, CASE.replace("Where is my refund?", "s".repeat(10_000)), 400,
						"invalid-request", "subject"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badInputGetsAProblemAndCallsNoBackend(String what, String path, String body, int status, String type,
			String field) {
		String effectsBefore = effects();
		Map<String, Long> callsBefore = backendCalls();

		ResponseEntity<String> response = post(path, "bad-input-" + what.replaceAll("[^A-Za-z0-9]", "-"), body);

		assertProblem(response, status, type, field);
		assertThat(backendCalls()).isEqualTo(callsBefore);
		assertThat(effects()).isEqualTo(effectsBefore);
	}

	static Stream<Arguments> requestsThatDoNotFitTheOrder() {
		return Stream.of(
				Arguments.of("a refund above the payment", REFUNDS, REFUND.replace("10.00", "335.02"), "amount"),
				Arguments.of("a refund in another currency", REFUNDS, REFUND.replace("USD", "EUR"), "amount.currency"),
				Arguments.of("a credit memo above the order", MEMOS, MEMO.replace("10.00", "335.02"), "lines"),
				Arguments.of("a credit memo in XXX", MEMOS, MEMO.replace("USD", "XXX").replace("10.00", "10"),
						"lines[0].amount.currency"),
				Arguments.of("a credit memo for a line the order does not have", MEMOS,
						MEMO.replace("\"lineNumber\":\"10\"", "\"lineNumber\":\"990\""), "lines[0].lineNumber"));
	}

	/** Checked against the order: the order and its payment or credit memos are read, nothing is written. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("requestsThatDoNotFitTheOrder")
	void anAmountTheOrderDoesNotAllowIsRefusedBeforeAnyWrite(String what, String path, String body, String field) {
		String effectsBefore = effects();
		Map<String, Long> writesBefore = writes(backendCalls());

		ResponseEntity<String> response = post(path, "bad-amount-" + what.replaceAll("[^A-Za-z0-9]", "-"), body);

		assertProblem(response, 422, "not-allowed-for-order", field);
		assertThat(writes(backendCalls())).isEqualTo(writesBefore);
		assertThat(effects()).isEqualTo(effectsBefore);
	}

	static Stream<Arguments> badParameters() {
		return Stream.of(Arguments.of("dots in an order ID", "/api/system/v1/orders/WEB..100001", "orderId"),
				Arguments.of("a 65-character customer ID", "/api/system/v1/customers/" + "1".repeat(65),
						"customerId"),
				Arguments.of("dots in a case's external ID", "/api/system/v1/cases?externalId=case..1", "externalId"),
				Arguments.of("a blank reference", "/api/system/v1/refunds?orderId=WEB-100001&reference=%20",
						"reference"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badParameters")
	void badPathOrQueryParametersGetAProblemNamingThemAndCallNoBackend(String what, String uri, String field) {
		Map<String, Long> callsBefore = backendCalls();

		ResponseEntity<String> response = http.get().uri(URI.create("http://localhost:" + port + uri)).retrieve().toEntity(String.class);

		assertProblem(response, 400, "invalid-request", field);
		assertThat(backendCalls()).isEqualTo(callsBefore);
	}

	@Test
	void anIdempotencyKeyOutsideTheIdentifierAlphabetIsRefusedNamingTheHeader() {
		Map<String, Long> callsBefore = backendCalls();

		ResponseEntity<String> response = post(REFUNDS, "../refund 1", REFUND);

		assertProblem(response, 400, "invalid-request", "Idempotency-Key");
		assertThat(backendCalls()).isEqualTo(callsBefore);
	}

	private ResponseEntity<String> post(String path, String idempotencyKey, String body) {
		return http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", idempotencyKey)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private static void assertProblem(ResponseEntity<String> response, int status, String type, String field) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("\"type\":\"https://retailhub.io/problems/" + type + "\"")
			.contains("\"correlationId\":\"" + response.getHeaders().getFirst("X-Correlation-Id") + "\"")
			.doesNotContain("Exception")
			.doesNotContain("at io.");
		if (field != null) {
			assertThat(response.getBody()).contains("\"field\":\"" + field + "\"");
		}
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

	/**
	 * Requests every backend was sent, by backend and method. ERP's reads are left out: the sandbox
	 * warehouse reads ERP's customer returns through its API in the background, whatever the tests do.
	 */
	private static Map<String, Long> backendCalls() {
		Map<String, Long> calls = new TreeMap<>(RestClient.create(Sandbox.baseUrl())
			.get()
			.uri("/admin/requests")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Long>>() {
			}));
		calls.remove("erp GET");
		return calls;
	}

	private static Map<String, Long> writes(Map<String, Long> calls) {
		Map<String, Long> writes = new TreeMap<>(calls);
		writes.keySet().removeIf(key -> key.endsWith(" GET") || key.endsWith(" HEAD"));
		return writes;
	}
}
