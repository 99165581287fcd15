package io.retailhub.process.returns;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;

@ReturnsIntegrationTest
class ReturnRequestIntegrationTests {

	@Autowired
	ReturnCaseRepository returns;

	@Autowired
	ProcessApi api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsAReturnAndAnswersWithItsState() {
		// given
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine first = order.lines().get(0);

		// when
		ResponseEntity<JsonNode> created = api.requestReturn(newKey(), order.orderNumber(), "PORTAL",
				line(first.itemNumber(), 1, "SIZE_TOO_SMALL"));

		// then
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		JsonNode body = created.getBody();
		assertThat(created.getHeaders().getFirst(HttpHeaders.LOCATION))
			.isEqualTo("/api/process/v1/returns/" + body.path("id").asString());
		assertThat(body.path("status").asString()).isEqualTo("REQUESTED");
		assertThat(body.path("returnNumber").asString()).matches("RT-\\d{8}");
		assertThat(body.path("customerId").asString()).isEqualTo(order.customerNumber());
		assertThat(body.path("channel").asString()).isEqualTo("PORTAL");
		assertThat(body.path("lines").get(0).path("sku").asString()).isEqualTo(first.sku());
	}

	@Test
	void answersTheSameReturnWhenTheSameRequestIsRepeated() {
		// given
		DemoOrder order = DemoOrders.freshReturnable();
		String key = newKey();
		var line = line(order.lines().get(0).itemNumber(), 1, "UNWANTED");
		JsonNode first = api.requestReturn(key, order.orderNumber(), "AGENT", line).getBody();

		// when
		ResponseEntity<JsonNode> again = api.requestReturn(key, order.orderNumber(), "AGENT", line);

		// then
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getBody().path("id").asString()).isEqualTo(first.path("id").asString());
		assertThat(returns.findByOrderIdOrderByRequestedAtDesc(order.orderNumber())).hasSize(1);
	}

	@Test
	void refusesAnIdempotencyKeyReusedForAnotherRequest() {
		// given
		DemoOrder order = DemoOrders.freshReturnable();
		String key = newKey();
		api.requestReturn(key, order.orderNumber(), "AGENT", line(order.lines().get(0).itemNumber(), 1, "UNWANTED"));

		// when
		ResponseEntity<JsonNode> other = api.requestReturn(key, order.orderNumber(), "AGENT",
				line(order.lines().get(0).itemNumber(), 2, "UNWANTED"));

		// then
		assertThat(other.getStatusCode().value()).isEqualTo(409);
		assertThat(other.getBody().path("type").asString()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED.uri().toString());
		assertThat(returns.findByOrderIdOrderByRequestedAtDesc(order.orderNumber())).hasSize(1);
	}

	@Test
	void answersNotFoundForAnOrderNobodyKnows() {
		ResponseEntity<JsonNode> answer = api.requestReturn(newKey(), "WEB-999999", "PORTAL",
				line("10", 1, "UNWANTED"));

		assertThat(answer.getStatusCode().value()).isEqualTo(404);
		assertThat(answer.getBody().path("type").asString()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
		assertThat(returns.findByOrderIdOrderByRequestedAtDesc("WEB-999999")).isEmpty();
	}

	@Test
	void refusesLinesThatAreNotPartOfTheOrder() {
		DemoOrder order = DemoOrders.freshReturnable();

		ResponseEntity<JsonNode> answer = api.requestReturn(newKey(), order.orderNumber(), "PORTAL",
				line("990", 1, "UNWANTED"));

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody().path("errors").get(0).path("field").asString()).isEqualTo("lines[0].lineNumber");
		assertThat(returns.findByOrderIdOrderByRequestedAtDesc(order.orderNumber())).isEmpty();
	}

	@Test
	void refusesBadInputAndStoresNothing() {
		// given
		DemoOrder order = DemoOrders.freshReturnable();
		String lineNumber = order.lines().get(0).itemNumber();

		// when / then: no idempotency key
		assertBadRequest(api.requestReturn(null, order.orderNumber(), "PORTAL", line(lineNumber, 1, "UNWANTED")));
		// a quantity of zero
		assertBadRequest(api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(lineNumber, 0, "UNWANTED")));
		// no lines
		assertBadRequest(api.requestReturn(newKey(),
				Map.of("orderId", order.orderNumber(), "channel", "PORTAL", "lines", new Object[0])));
		// an unknown channel and an unknown reason
		assertBadRequest(api.requestReturn(newKey(), order.orderNumber(), "FAX", line(lineNumber, 1, "UNWANTED")));
		assertBadRequest(api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(lineNumber, 1, "BORED")));
		// the same line twice
		assertBadRequest(api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(lineNumber, 1, "UNWANTED"),
				line(lineNumber, 1, "UNWANTED")));
		// a member the API does not know
		assertBadRequest(api.requestReturn(newKey(), Map.of("orderId", order.orderNumber(), "channel", "PORTAL",
				"lines", new Object[] { line(lineNumber, 1, "UNWANTED") }, "refundTo", "my account")));
		assertThat(returns.findByOrderIdOrderByRequestedAtDesc(order.orderNumber())).isEmpty();
	}

	/** {@code %s}: the order, {@code %l}: its first line's number. */
	static Stream<Arguments> looselyWrittenRequests() {
		String valid = """
				{"orderId":"%s","channel":"PORTAL","lines":[{"lineNumber":"%l","quantity":1,"reason":"UNWANTED"}]}""";
		return Stream.of(
				Arguments.of("the order given twice, the last one real", valid.replace("{\"orderId\"",
						"{\"orderId\":\"X\",\"orderId\""), "orderId"),
				Arguments.of("a fraction for a quantity", valid.replace("\"quantity\":1", "\"quantity\":1.5"),
						"lines[0].quantity"),
				Arguments.of("a text for a quantity", valid.replace("\"quantity\":1", "\"quantity\":\"1\""),
						"lines[0].quantity"),
				Arguments.of("a number for a line number", valid.replace("\"%l\"", "%l"), "lines[0].lineNumber"),
				Arguments.of("a number for the channel", valid.replace("\"PORTAL\"", "0"), "channel"),
				Arguments.of("dots in the order", valid.replace("\"%s\"", "\"..%s\""), "orderId"),
				Arguments.of("a control character in a line number", valid.replace("\"%l\"", "\"1\\u0000\""),
						"lines[0].lineNumber"),
				Arguments.of("a 10 kB order", valid.replace("\"%s\"", "\"" + "W".repeat(10_000) + "\""), "orderId"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("looselyWrittenRequests")
	void refusesARequestThatIsNotExactlyAsWrittenNamingTheMemberAndStoresNothing(String what, String template,
			String field) {
		DemoOrder order = DemoOrders.freshReturnable();
		String body = template.replace("%s", order.orderNumber()).replace("%l", order.lines().get(0).itemNumber());

		ResponseEntity<JsonNode> answer = api.requestReturn(newKey(), body);

		assertInvalid(answer, field);
		assertNothingStoredFor(order);
	}

	@Test
	void refusesAnIdempotencyKeyOutsideTheIdentifierAlphabetOrLongerThan255AndStoresNothing() {
		DemoOrder order = DemoOrders.freshReturnable();
		var line = line(order.lines().get(0).itemNumber(), 1, "UNWANTED");

		ResponseEntity<JsonNode> dots = api.requestReturn("../key", order.orderNumber(), "PORTAL", line);
		ResponseEntity<JsonNode> spaces = api.requestReturn("my key", order.orderNumber(), "PORTAL", line);
		ResponseEntity<JsonNode> tooLong = api.requestReturn("k".repeat(256), order.orderNumber(), "PORTAL", line);

		for (ResponseEntity<JsonNode> refused : List.of(dots, spaces, tooLong)) {
			assertInvalid(refused, "Idempotency-Key");
		}
		assertNothingStoredFor(order);
	}

	@Test
	void refusesAnOrderOrCustomerToListByThatIsNoIdentifier() {
		ResponseEntity<JsonNode> order = api.get("/returns?orderId={id}", "WEB/1");
		ResponseEntity<JsonNode> customer = api.get("/returns?customerId={id}", "1".repeat(65));

		assertInvalid(order, "orderId");
		assertInvalid(customer, "customerId");
	}

	private static void assertInvalid(ResponseEntity<JsonNode> answer, String field) {
		assertBadRequest(answer);
		assertThat(answer.getBody().path("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
		assertThat(answer.getBody().path("correlationId").asString())
			.isEqualTo(answer.getHeaders().getFirst("X-Correlation-Id"));
		assertThat(answer.getBody().path("errors").findValuesAsString("field")).as("%s", answer.getBody())
			.contains(field);
	}

	/** No return, no event in the outbox, no RMA in ERP: the request left no trace. */
	private void assertNothingStoredFor(DemoOrder order) {
		assertThat(returns.findByOrderIdOrderByRequestedAtDesc(order.orderNumber())).isEmpty();
		assertThat(jdbc.sql("select count(*) from outbox_event where message_key = ?")
			.param(order.orderNumber())
			.query(Long.class)
			.single()).isZero();
		assertThat(HubSandbox.withServiceToken().baseUrl(HubSandbox.systemApiUrl()).build()
			.get()
			.uri("/api/system/v1/return-authorizations?orderId={id}", order.orderNumber())
			.retrieve()
			.body(JsonNode.class)).isEmpty();
	}

	private static void assertBadRequest(ResponseEntity<JsonNode> answer) {
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
	}
}
