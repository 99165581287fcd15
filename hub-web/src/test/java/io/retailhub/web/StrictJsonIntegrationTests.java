package io.retailhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import io.retailhub.contracts.Money;
import io.retailhub.web.testapp.HubWebTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A JSON body is read exactly as written or refused with a 400 naming the member: no last-wins
 * duplicates, no coercion between texts, numbers and booleans, no truncated fractions, no rounded
 * amounts. What every hub service inherits from hub-web, shown on a service that has nothing else.
 */
@SpringBootTest(classes = HubWebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class StrictJsonIntegrationTests {

	static final String VALID = """
			{"reference":"R-1","orderId":"WEB-100001","note":"size too small","quantity":2,"published":true,
			 "amount":{"amount":10.50,"currency":"USD"},"reason":"DAMAGED",
			 "lines":[{"lineNumber":"10","quantity":1,"amount":{"amount":5.25,"currency":"USD"}}]}""";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper applicationJson;

	RestClient http;

	@BeforeEach
	void client() {
		http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void readsAWellFormedBodyAsWritten() {
		ResponseEntity<String> answer = post("/things", VALID);

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		JsonNode thing = JsonMapper.shared().readTree(answer.getBody());
		assertThat(thing.path("amount").path("amount").decimalValue()).isEqualByComparingTo("10.50");
		assertThat(thing.path("quantity").intValue()).isEqualTo(2);
	}

	static Stream<Arguments> bodiesReadLoosely() {
		return Stream.of(
				Arguments.of("the same member twice", "{\"orderId\":\"WEB-1\"," + VALID.substring(1), "orderId",
						"appears more than once"),
				Arguments.of("the same member twice in a line", VALID.replace("\"lineNumber\":\"10\"",
						"\"lineNumber\":\"10\",\"lineNumber\":\"20\""), "lines[0].lineNumber", "appears more than once"),
				Arguments.of("a number for a text", VALID.replace("\"R-1\"", "12345"), "reference", "must be a string"),
				Arguments.of("a boolean for a text", VALID.replace("\"size too small\"", "true"), "note",
						"must be a string"),
				Arguments.of("a number for an identifier", VALID.replace("\"WEB-100001\"", "100001"), "orderId",
						"must be a string"),
				Arguments.of("a boolean for an identifier", VALID.replace("\"WEB-100001\"", "true"), "orderId",
						"must be a string"),
				Arguments.of("a fraction for a quantity", VALID.replace("\"quantity\":2", "\"quantity\":1.5"),
						"quantity", "must be a whole number"),
				Arguments.of("a whole fraction for a quantity", VALID.replace("\"quantity\":2", "\"quantity\":2.0"),
						"quantity", "must be a whole number"),
				Arguments.of("a fraction for a line's quantity", VALID.replace("\"quantity\":1,", "\"quantity\":1.5,"),
						"lines[0].quantity", "must be a whole number"),
				Arguments.of("a text for a quantity", VALID.replace("\"quantity\":2", "\"quantity\":\"2\""), "quantity",
						"must be a whole number"),
				Arguments.of("a text for a flag", VALID.replace("\"published\":true", "\"published\":\"true\""),
						"published", "must be true or false"),
				Arguments.of("a number for a flag", VALID.replace("\"published\":true", "\"published\":1"),
						"published", "must be true or false"),
				Arguments.of("null for a flag", VALID.replace("\"published\":true", "\"published\":null"), "published",
						"must be true or false"),
				Arguments.of("a number for an enum", VALID.replace("\"DAMAGED\"", "1"), "reason", "must be one of"),
				Arguments.of("a text for an amount", VALID.replace("10.50", "\"10.50\""), "amount.amount",
						"must be a number"),
				Arguments.of("more decimals than the currency has", VALID.replace("10.50", "1.00001"), "amount",
						"at most 2 decimals in USD"),
				Arguments.of("more decimals in a line's amount", VALID.replace("5.25", "5.255"), "lines[0].amount",
						"at most 2 decimals in USD"),
				Arguments.of("an amount past minor units", VALID.replace("10.50", "99999999999999999999"), "amount",
						"15 digits before the decimal point"),
				Arguments.of("an amount of 1e308", VALID.replace("10.50", "1e308"), "amount",
						"15 digits before the decimal point"),
				Arguments.of("an amount without currency", VALID.replace(",\"currency\":\"USD\"},\"reason\"", "},\"reason\""),
						"amount", "currency is required"),
				Arguments.of("a member money does not have", VALID.replace("10.50,", "10.50,\"discount\":1,"),
						"amount.discount", "unknown field"),
				Arguments.of("a member the body does not have", VALID.replace("\"reason\"", "\"discount\":5,\"reason\""),
						"discount", "unknown field"),
				Arguments.of("a slash in an identifier", VALID.replace("\"WEB-100001\"", "\"WEB/100001\""), "orderId",
						"must be letters, digits"),
				Arguments.of("a control character in a reference", VALID.replace("\"R-1\"", "\"R-\\u0001\""),
						"reference", "must be letters, digits"),
				Arguments.of("dots in a reference", VALID.replace("\"R-1\"", "\"R..1\""), "reference",
						"must be letters, digits"),
				Arguments.of("a 10 kB reference", VALID.replace("\"R-1\"", "\"" + "R".repeat(10_000) + "\""),
						"reference", "size must be between"),
				Arguments.of("a 10 kB note", VALID.replace("\"size too small\"", "\"" + "n".repeat(10_000) + "\""),
						"note", "size must be between"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodiesReadLoosely")
	void refusesABodyThatIsNotExactlyAsWrittenNamingTheMember(String what, String body, String field, String message) {
		ResponseEntity<String> answer = post("/things", body);

		assertInvalid(answer, field, message);
	}

	@Test
	void refusesContentAfterTheBody() {
		ResponseEntity<String> answer = post("/things", VALID + " {}");

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody()).contains("\"type\":\"https://retailhub.io/problems/malformed-request\"");
	}

	@Test
	void namesTheHeaderAndTheBodysMembersWhenBothAreValidatedAsParameters() {
		ResponseEntity<String> badKey = http.post()
			.uri("/keyed-things")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "key with spaces")
			.body(VALID)
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> badLine = http.post()
			.uri("/keyed-things")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "k".repeat(256))
			.body(VALID.replace("\"quantity\":1,", "\"quantity\":0,"))
			.retrieve()
			.toEntity(String.class);

		assertInvalid(badKey, "Idempotency-Key", "must be letters, digits");
		assertInvalid(badLine, "lines[0].quantity", "must be greater than 0");
		assertInvalid(badLine, "Idempotency-Key", "size must be between");
	}

	@Test
	void namesAMissingHeader() {
		ResponseEntity<String> answer = post("/keyed-things", VALID);

		assertInvalid(answer, "Idempotency-Key", "is required");
	}

	@Test
	void refusesAnIdentifierInThePathNamingTheVariable() {
		ResponseEntity<String> answer = http.get().uri("/things/WEB..100001").retrieve().toEntity(String.class);

		assertInvalid(answer, "orderId", "has an invalid value");
	}

	@Test
	void leavesTheApplicationsOwnMapperAsItWasForEventsAndBackendAnswers() {
		// what the strict HTTP reading refuses, the application's mapper (Kafka, clients) still reads
		Money rounded = applicationJson.readValue("{\"amount\":1.005,\"currency\":\"USD\",\"extra\":1}", Money.class);
		JsonNode duplicated = applicationJson.readTree("{\"orderId\":\"X\",\"orderId\":\"Y\"}");

		assertThat(rounded).isEqualTo(Money.of("1.01", "USD"));
		assertThat(duplicated.path("orderId").stringValue()).isEqualTo("Y");
	}

	private ResponseEntity<String> post(String path, String body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
	}

	static void assertInvalid(ResponseEntity<String> answer, String field, String message) {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = JsonMapper.shared().readTree(answer.getBody());
		assertThat(problem.path("type").stringValue()).isEqualTo("https://retailhub.io/problems/invalid-request");
		assertThat(problem.path("correlationId").stringValue())
			.isEqualTo(answer.getHeaders().getFirst("X-Correlation-Id"))
			.isNotBlank();
		assertThat(problem.path("errors").valueStream().toList()).as(answer.getBody())
			.anySatisfy(error -> {
				assertThat(error.path("field").stringValue()).isEqualTo(field);
				assertThat(error.path("message").stringValue()).contains(message);
			});
	}
}
