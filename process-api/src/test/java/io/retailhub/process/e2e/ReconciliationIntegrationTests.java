package io.retailhub.process.e2e;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciliation report against the real backends: a return taken to its refund reconciles
 * (ERP, warehouse and payment agree), a credit memo ERP holds with no refund behind it is listed as a
 * mismatch, in the stored report, its day's report and the gauges.
 */
@ReturnsIntegrationTest
class ReconciliationIntegrationTests {

	private static final Map<String, String> OPS = Map.of("X-Acting-User", "ops:ops.olga");

	@Value("${local.server.port}")
	int port;

	@Autowired
	ProcessApi api;

	@Test
	void reconcilesAReturnedOrderAndListsACreditMemoWithNoRefund() {
		// given a return received by the warehouse and refunded
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		String id = api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(line.itemNumber(), 1, "STYLE"))
			.getBody()
			.path("id")
			.asString();
		String rma = await().until(() -> api.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED"))
			.path("rmaNumber")
			.asString();
		HubSandbox.receiveParcel(rma);
		await().until(() -> api.returnOf(id).path("status").asString(), "CLOSED"::equals);

		// when ops run the reconciliation
		ResponseEntity<JsonNode> run = api.post("/reconciliation/runs", OPS, null);

		// then the report holds the order's figures from every backend, in agreement
		assertThat(run.getStatusCode().value()).as("%s", run.getBody()).isEqualTo(201);
		JsonNode report = run.getBody();
		assertThat(run.getHeaders().getLocation().toString()).endsWith("/reconciliation/runs/" + report.path("id").asString());
		assertThat(report.path("status").asString()).isEqualTo("DONE");
		assertThat(report.path("trigger").asString()).isEqualTo("MANUAL");
		assertThat(report.path("requestedBy").asString()).isEqualTo("ops:ops.olga");
		JsonNode figures = orderIn(report, order.orderNumber());
		assertThat(figures.path("currency").asString()).isEqualTo(order.currency());
		assertThat(figures.path("ordered").asInt()).isEqualTo(order.lines().stream().mapToInt(DemoOrderLine::quantity).sum());
		assertThat(figures.path("shipped").asInt()).isPositive();
		assertThat(figures.path("returned").asInt()).isEqualTo(1);
		assertThat(figures.path("received").asInt()).isEqualTo(1);
		assertThat(figures.path("restocked").asInt()).isEqualTo(1);
		assertThat(figures.path("refunded").decimalValue()).isPositive()
			.isEqualByComparingTo(figures.path("credited").decimalValue())
			.isLessThanOrEqualTo(figures.path("receivedValue").decimalValue());
		assertThat(figures.path("mismatches")).as("%s", figures).isEmpty();

		// when ERP holds a goodwill credit memo for the order that no refund pays
		ResponseEntity<JsonNode> memo = HubSandbox.withServiceToken()
			.build()
			.post()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/credit-memos")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("externalReference", "GW-" + UUID.randomUUID().toString().substring(0, 8), "orderId",
					order.orderNumber(), "lines", List.of(Map.of("lineNumber", line.itemNumber(), "quantity", 1,
							"amount", Map.of("amount", new BigDecimal("1.00"), "currency", order.currency())))))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(memo.getStatusCode().value()).isEqualTo(201);
		JsonNode second = api.post("/reconciliation/runs", OPS, null).getBody();

		// then the order is listed with a credit memo without refund, first among the orders
		JsonNode mismatched = orderIn(second, order.orderNumber());
		assertThat(mismatched.path("mismatches")).singleElement().satisfies(m -> {
			assertThat(m.path("kind").asString()).isEqualTo("CREDIT_MEMO_WITHOUT_REFUND");
			assertThat(m.path("detail").asString()).contains("ERP credited");
		});
		assertThat(second.path("orders").get(0).path("mismatches")).isNotEmpty();
		assertThat(second.path("mismatchesByKind").path("CREDIT_MEMO_WITHOUT_REFUND").asInt()).isPositive();
		assertThat(second.path("mismatchCount").asInt()).isPositive();

		// and it is the latest report, and the latest of today
		String secondId = second.path("id").asString();
		assertThat(api.get("/reconciliation/reports/latest").getBody().path("id").asString()).isEqualTo(secondId);
		assertThat(api.get("/reconciliation/reports/" + LocalDate.now(ZoneOffset.UTC)).getBody().path("id").asString())
			.isEqualTo(secondId);
		assertThat(api.get("/reconciliation/runs/" + secondId).getBody().path("status").asString()).isEqualTo("DONE");

		// and the gauges show it, by kind only
		String metrics = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus").retrieve()
			.body(String.class);
		assertThat(sample(metrics, "retailhub_reconciliation_mismatches{application=\"process-api\",kind=\"CREDIT_MEMO_WITHOUT_REFUND\"}"))
			.isEqualTo(second.path("mismatchesByKind").path("CREDIT_MEMO_WITHOUT_REFUND").asDouble());
		assertThat(sample(metrics, "retailhub_reconciliation_mismatches{application=\"process-api\",kind=\"RETURNED_MORE_THAN_SHIPPED\"}"))
			.isEqualTo(second.path("mismatchesByKind").path("RETURNED_MORE_THAN_SHIPPED").asDouble());
		assertThat(sample(metrics, "retailhub_reconciliation_last_run_timestamp_seconds{application=\"process-api\"}"))
			.isGreaterThan(System.currentTimeMillis() / 1000.0 - 300);
		assertThat(metrics).doesNotContain(order.orderNumber());
	}

	@Test
	void refusesABadDayAndAnswers404ForAnUnknownRunOrDay() {
		ResponseEntity<JsonNode> bad = api.get("/reconciliation/reports/yesterday");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(bad.getBody().path("errors").get(0).path("field").asString()).isEqualTo("date");
		assertThat(api.get("/reconciliation/reports/2001-01-01").getStatusCode().value()).isEqualTo(404);
		assertThat(api.get("/reconciliation/runs/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
		assertThat(api.get("/reconciliation/runs/not-a-run").getStatusCode().value()).isEqualTo(400);
		assertThat(api.post("/reconciliation/runs", Map.of("X-Acting-User", "nobody"), null).getStatusCode().value())
			.isEqualTo(400);
	}

	private static JsonNode orderIn(JsonNode report, String orderId) {
		return report.path("orders")
			.valueStream()
			.filter(o -> o.path("orderId").asString().equals(orderId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("order " + orderId + " is not in the report"));
	}

	private static double sample(String metrics, String series) {
		return metrics.lines()
			.filter(l -> l.startsWith(series + " "))
			.mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(series + " is not exposed"));
	}

}
