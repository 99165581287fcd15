package io.retailhub.process.returns;

import java.util.Map;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;

@ReturnsIntegrationTest
class ReturnRequestIntegrationTests {

	@Autowired
	ReturnCaseRepository returns;

	@Autowired
	ProcessApi api;

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

	private static void assertBadRequest(ResponseEntity<JsonNode> answer) {
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
	}
}
