package io.retailhub.system;

import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.system.erp.ErpTestOrders;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Pins how many requests one complete return workflow costs at ERP and at the CRM. The system-API
 * calls are the ones process-api makes for a return, in its order (request, evaluation, RMA, case,
 * inspection, refund, credit memo, closing comment, closing the case); the counts are the
 * sandbox's, so a change that adds a backend read fails here.
 */
@SystemApiIntegrationTest
class ReturnWorkflowBackendRequestsIntegrationTests {

	/**
	 * What one return workflow costs at ERP, with a CSRF token already held (steady state): the
	 * refund is less than what the customer paid (a fee), so the credit memo request's amount is
	 * written to its price condition (one MERGE, tunneled through POST, and two reads around it).
	 * Three reads are the credit memo's check against its order (the order, its invoice items, the
	 * credit memo requests referencing either).
	 */
	static final Map<String, Long> ERP_REQUESTS = Map.of("GET", 18L, "POST", 3L);

	static final Map<String, Long> CRM_REQUESTS = Map.of("GET", 8L, "PATCH", 2L, "POST", 1L);

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "MERGE");

	@LocalServerPort
	int port;

	@Test
	void oneReturnWorkflowMakesAPinnedNumberOfErpAndCrmRequests() {
		RestClient api = SystemApiHttp.client(port, "/api/system/v1");
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		holdSessions(api, order);
		DemoOrderLine line = order.lines().get(0);
		String returnNumber = "R-" + UUID.randomUUID().toString().substring(0, 8);
		// what the customer paid for one unit, less a restocking fee of 10 %
		String amount = line.netAmount()
			.multiply(new BigDecimal("0.90"))
			.divide(BigDecimal.valueOf(line.quantity()), 2, RoundingMode.DOWN)
			.toPlainString();
		Map<String, Long> erpBefore = counts(Backend.ERP);
		Map<String, Long> crmBefore = counts(Backend.CRM);

		// ReturnManagement.request: the order's lines
		ok(get(api, "/orders/{id}?include=lines", order.orderNumber()));
		// return.evaluate: the order with shipments, the policy, the order's RMAs
		ok(get(api, "/orders/{id}?include=shipments", order.orderNumber()));
		ok(send(api, HttpMethod.POST, "/return-policy/evaluations", """
				{"orderId":"%s","lines":[{"lineNumber":"%s","quantity":1,"reason":"DAMAGED"}]}"""
			.formatted(order.orderNumber(), line.itemNumber())));
		ok(get(api, "/return-authorizations?orderId={id}", order.orderNumber()));
		// return.create-rma
		String rma = jsonOf(ok(send(api, HttpMethod.POST, "/return-authorizations", """
				{"externalReference":"%s","orderId":"%s","lines":[{"lineNumber":"%s","quantity":1,"reason":"DAMAGED"}]}"""
			.formatted(returnNumber, order.orderNumber(), line.itemNumber())))).get("id").asString();
		// return.open-case
		String caseId = jsonOf(ok(send(api, HttpMethod.POST, "/cases", """
				{"externalId":"return-%s","customerId":"%s","orderId":"%s","subject":"Return %s for order %s",
				 "description":"Return %s, RMA %s","priority":"MEDIUM","origin":"Web"}"""
			.formatted(returnNumber, order.customerNumber(), order.orderNumber(), returnNumber, order.orderNumber(),
					returnNumber, rma)))).get("id").asString();
		// return.inspect: the order with shipments and payment, the provider's refunds
		ok(get(api, "/orders/{id}?include=shipments,payment", order.orderNumber()));
		ok(get(api, "/refunds?orderId={id}", order.orderNumber()));
		// refund.submit
		ok(api.post()
			.uri("/refunds")
			.header("Idempotency-Key", "refund-" + returnNumber)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"orderId":"%s","amount":{"amount":%s,"currency":"%s"},"reference":"RF-%s","note":"Return %s"}"""
				.formatted(order.orderNumber(), amount, order.currency(), returnNumber, returnNumber))
			.retrieve()
			.toEntity(String.class));
		// refund.post-credit-memo: checked against the order and what ERP credited on it, then created
		ok(send(api, HttpMethod.POST, "/credit-memos", """
				{"externalReference":"CM-%s","orderId":"%s","returnAuthorizationId":"%s",
				 "lines":[{"lineNumber":"%s","quantity":1,"amount":{"amount":%s,"currency":"%s"}}]}"""
			.formatted(returnNumber, order.orderNumber(), rma, line.itemNumber(), amount, order.currency())));
		// return.close-case: look for the step's comment, post it, close the case
		ok(get(api, "/cases/{id}", caseId));
		ok(send(api, HttpMethod.POST, "/cases/" + caseId + "/comments",
				"{\"body\":\"Refunded.\\n[ref:close-" + returnNumber + "]\",\"published\":true}"));
		ok(send(api, HttpMethod.PATCH, "/cases/" + caseId, "{\"status\":\"CLOSED\"}"));

		assertThat(since(erpBefore, counts(Backend.ERP))).isEqualTo(ERP_REQUESTS);
		assertThat(since(crmBefore, counts(Backend.CRM))).isEqualTo(CRM_REQUESTS);
	}

	/**
	 * ERP writes need a CSRF token and CRM calls an OAuth access token, each fetched once and then
	 * reused: a write at ERP on another order and a read at the CRM first, so the count is that of
	 * a running system API.
	 */
	private static void holdSessions(RestClient api, DemoOrder order) {
		DemoOrder other = ErpTestOrders.untouchedDeliveredOrder(1);
		ok(send(api, HttpMethod.POST, "/return-authorizations", """
				{"externalReference":"%s","orderId":"%s","lines":[{"lineNumber":"%s","quantity":1,"reason":"OTHER"}]}"""
			.formatted(ErpTestOrders.reference("WARM"), other.orderNumber(), other.lines().get(0).itemNumber())));
		ok(get(api, "/customers/{id}", order.customerNumber()));
	}

	private static ResponseEntity<String> ok(ResponseEntity<String> answer) {
		assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer).isTrue();
		return answer;
	}

	private static ResponseEntity<String> get(RestClient api, String uri, Object... variables) {
		return SystemApiHttp.get(api, uri, variables);
	}

	private static ResponseEntity<String> send(RestClient api, HttpMethod method, String uri, String json) {
		return api.method(method)
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(String.class);
	}

	private static Map<String, Long> counts(Backend backend) {
		RequestCounts requests = Sandbox.bean(RequestCounts.class);
		Map<String, Long> counts = new TreeMap<>();
		METHODS.forEach(method -> counts.put(method, requests.count(backend, method)));
		return counts;
	}

	/** The requests made since {@code before}, by method; methods with none left out. */
	private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> made = new TreeMap<>();
		after.forEach((method, count) -> {
			long delta = count - before.get(method);
			if (delta != 0) {
				made.put(method, delta);
			}
		});
		return made;
	}
}
