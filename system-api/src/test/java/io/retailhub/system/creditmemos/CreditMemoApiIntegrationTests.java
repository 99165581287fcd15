package io.retailhub.system.creditmemos;

import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static io.retailhub.system.support.SystemApiHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.system.erp.ErpTestOrders;
import io.retailhub.system.erp.SapErpAdapter;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** {@code /api/system/v1/credit-memos} over HTTP, with the simulated SAP S/4HANA behind it. */
@SystemApiIntegrationTest
class CreditMemoApiIntegrationTests {

	static final String PROBLEMS = "https://retailhub.io/problems/";

	@LocalServerPort
	int port;

	@Autowired
	SapErpAdapter erp;

	final ErpEffects effects = Sandbox.bean(ErpEffects.class);

	RestClient api;

	@BeforeEach
	void client() {
		api = SystemApiHttp.client(port, "/api/system/v1/credit-memos");
	}

	@Test
	void createsACreditMemoAndReadsItBack() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		ReturnAuthorization returned = returnOf(order);
		String reference = ErpTestOrders.reference("CM-API");
		long before = effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);

		ResponseEntity<String> created = postJson(api, body(reference, order, returned.id().value(), "12.34", order.currency()));
		JsonNode creditMemo = jsonOf(created);
		ResponseEntity<String> fetched = api.get().uri(created.getHeaders().getLocation()).retrieve().toEntity(String.class);

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation().getPath())
			.isEqualTo("/api/system/v1/credit-memos/" + creditMemo.get("id").asString());
		assertThat(creditMemo.get("id").asString()).matches("7\\d{7}");
		assertThat(creditMemo.get("orderId").asString()).isEqualTo(order.orderNumber());
		assertThat(creditMemo.get("customerId").asString()).isEqualTo(order.customerNumber());
		assertThat(creditMemo.get("externalReference").asString()).isEqualTo(reference);
		assertThat(creditMemo.get("total").get("amount").decimalValue()).isEqualByComparingTo("12.34");
		assertThat(creditMemo.get("total").get("currency").asString()).isEqualTo(order.currency());
		JsonNode line = creditMemo.get("lines").get(0);
		assertThat(line.get("lineNumber").asString()).isEqualTo("10");
		assertThat(line.get("sku").asString()).isEqualTo(order.lines().get(0).sku());
		assertThat(line.get("quantity").asInt()).isEqualTo(1);
		assertThat(line.get("amount").get("amount").decimalValue()).isEqualByComparingTo("12.34");
		assertThat(fetched.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(fetched)).isEqualTo(creditMemo);
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED)).isEqualTo(before + 1);
	}

	@Test
	void answersARepeatWith200AndTheSameCreditMemoCreatingOnlyOne() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String body = body(ErpTestOrders.reference("CM-API-TWICE"), order, null, "5.00", order.currency());
		long before = effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);

		ResponseEntity<String> first = postJson(api, body);
		ResponseEntity<String> second = postJson(api, body);

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(second.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(second)).isEqualTo(jsonOf(first));
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED)).isEqualTo(before + 1);
	}

	@Test
	void refusesACreditInAnotherCurrencyThanTheOrdersAsBackendRejected() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String otherCurrency = order.currency().equals("USD") ? "EUR" : "USD";
		long before = effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED);

		ResponseEntity<String> refused = postJson(api, body(ErpTestOrders.reference("CM-API-FX"), order, null, "5.00", otherCurrency));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(jsonOf(refused).get("backend").asString()).isEqualTo("erp");
		assertThat(effects.count(ErpEffects.CREDIT_MEMO_REQUESTS_CREATED)).isEqualTo(before);
	}

	@Test
	void refusesAReturnAuthorizationOfAnotherOrderAsInvalid() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		ReturnAuthorization otherOrdersReturn = returnOf(ErpTestOrders.untouchedDeliveredOrder(1));

		ResponseEntity<String> refused = postJson(api, body(ErpTestOrders.reference("CM-API-RA"), order,
				otherOrdersReturn.id().value(), "5.00", order.currency()));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(jsonOf(refused).get("type").asString()).isEqualTo(PROBLEMS + "invalid-request");
	}

	@Test
	void answers404ForAnUnknownCreditMemo() {
		ResponseEntity<String> missing = api.get().uri("/{id}", "79999999").retrieve().toEntity(String.class);

		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(jsonOf(missing).get("type").asString()).isEqualTo(PROBLEMS + "not-found");
	}

	private ReturnAuthorization returnOf(DemoOrder order) {
		return erp.createReturnAuthorization(new CreateReturnAuthorization(ErpTestOrders.reference("RA-FOR-CM"),
				OrderId.of(order.orderNumber()), List.of(new ReturnLineRequest("10", 1, ReturnReason.DEFECTIVE))));
	}

	private static String body(String reference, DemoOrder order, String returnAuthorizationId, String amount,
			String currency) {
		return """
				{"externalReference":"%s","orderId":"%s","returnAuthorizationId":%s,
				 "lines":[{"lineNumber":"10","quantity":1,"amount":{"amount":%s,"currency":"%s"}}]}"""
			.formatted(reference, order.orderNumber(),
					returnAuthorizationId == null ? "null" : "\"" + returnAuthorizationId + "\"", amount, currency);
	}
}
