package io.retailhub.system.creditmemos;

import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static io.retailhub.system.support.SystemApiHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
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
	void refusesACreditInAnotherCurrencyThanTheOrdersBeforeWritingToErp() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String otherCurrency = order.currency().equals("USD") ? "EUR" : "USD";
		long writesBefore = erpWrites();

		ResponseEntity<String> refused = postJson(api, body(ErpTestOrders.reference("CM-API-FX"), order, null, "5.00", otherCurrency));

		assertNotAllowed(refused, "lines[0].amount.currency", "must be " + order.currency());
		assertThat(erpWrites()).isEqualTo(writesBefore);
	}

	@Test
	void refusesMoreThanTheOrderMayStillBeCreditedAndTakesExactlyTheRest() {
		// given an order credited 10.00 already
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		Money total = erp.findOrder(OrderId.of(order.orderNumber())).orElseThrow().total();
		assertThat(postJson(api, body(ErpTestOrders.reference("CM-API-REST"), order, null, "10.00", order.currency()))
			.getStatusCode()
			.value()).isEqualTo(201);
		Money rest = total.minus(Money.of("10.00", order.currency()));
		long writesBefore = erpWrites();

		// when another credit memo asks for a cent more than the rest, then for the rest
		ResponseEntity<String> aCentTooMuch = postJson(api, body(ErpTestOrders.reference("CM-API-REST"), order, null,
				rest.plus(Money.of("0.01", order.currency())).amount().toPlainString(), order.currency()));
		long writesAfterRefusal = erpWrites();
		ResponseEntity<String> theRest = postJson(api, body(ErpTestOrders.reference("CM-API-REST"), order, null,
				rest.amount().toPlainString(), order.currency()));

		// then the first is refused without a write, the second credits the order in full
		assertNotAllowed(aCentTooMuch, "lines", "more than the " + rest + " that may still be credited");
		assertThat(writesAfterRefusal).isEqualTo(writesBefore);
		assertThat(theRest.getStatusCode().value()).isEqualTo(201);
		assertThat(erp.findCreditMemosOfOrder(OrderId.of(order.orderNumber()))).hasSize(2);
	}

	@Test
	void answersARepeatOfAFullCreditWithTheFirstDocumentNotWithNothingLeftToCredit() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		Money total = erp.findOrder(OrderId.of(order.orderNumber())).orElseThrow().total();
		String body = body(ErpTestOrders.reference("CM-API-FULL"), order, null, total.amount().toPlainString(),
				order.currency());

		ResponseEntity<String> first = postJson(api, body);
		ResponseEntity<String> repeat = postJson(api, body);

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(repeat.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(repeat)).isEqualTo(jsonOf(first));
	}

	@Test
	void refusesLinesTheOrderDoesNotHaveAndMoreUnitsThanWereOrdered() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		int ordered = order.lines().get(0).quantity();
		long writesBefore = erpWrites();

		ResponseEntity<String> refused = postJson(api, """
				{"externalReference":"%s","orderId":"%s",
				 "lines":[{"lineNumber":"990","quantity":1,"amount":{"amount":1.00,"currency":"%s"}},
				          {"lineNumber":"%s","quantity":%d,"amount":{"amount":1.00,"currency":"%s"}}]}"""
			.formatted(ErpTestOrders.reference("CM-API-LINES"), order.orderNumber(), order.currency(),
					order.lines().get(0).itemNumber(), ordered + 1, order.currency()));

		assertNotAllowed(refused, "lines[0].lineNumber", "has no line 990");
		assertNotAllowed(refused, "lines[1].quantity", "must be at most " + ordered + ", the quantity ordered");
		assertThat(erpWrites()).isEqualTo(writesBefore);
	}

	private static void assertNotAllowed(ResponseEntity<String> answer, String field, String message) {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(422);
		JsonNode problem = jsonOf(answer);
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "not-allowed-for-order");
		assertThat(problem.get("correlationId").asString()).isNotBlank();
		assertThat(problem.get("errors").valueStream().toList()).anySatisfy(error -> {
			assertThat(error.get("field").asString()).isEqualTo(field);
			assertThat(error.get("message").asString()).contains(message);
		});
	}

	/** Every write ERP was sent, by anyone: a refused credit memo adds none. */
	private static long erpWrites() {
		RequestCounts requests = Sandbox.bean(RequestCounts.class);
		return List.of("POST", "PUT", "PATCH", "MERGE", "DELETE")
			.stream()
			.mapToLong(method -> requests.count(Backend.ERP, method))
			.sum();
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

	@Test
	void listsTheCreditMemosErpHoldsForAnOrder() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String reference = ErpTestOrders.reference("CM-API-LIST");
		JsonNode created = jsonOf(postJson(api, body(reference, order, null, "3.21", order.currency())));

		ResponseEntity<String> listed = api.get().uri("?orderId={id}", order.orderNumber()).retrieve().toEntity(String.class);

		assertThat(listed.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(listed).valueStream().map(m -> m.get("id").asString())).contains(created.get("id").asString());
		assertThat(jsonOf(listed).valueStream().map(m -> m.get("orderId").asString())).containsOnly(order.orderNumber());
		assertThat(api.get().uri("?orderId={id}", "bad/../id").retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(400);
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
