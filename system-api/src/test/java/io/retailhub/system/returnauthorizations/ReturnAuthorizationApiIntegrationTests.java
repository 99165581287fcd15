package io.retailhub.system.returnauthorizations;

import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static io.retailhub.system.support.SystemApiHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.erp.ErpTestOrders;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** {@code /api/system/v1/return-authorizations} over HTTP, with the simulated SAP S/4HANA behind it. */
@SystemApiIntegrationTest
class ReturnAuthorizationApiIntegrationTests {

	static final String PROBLEMS = "https://retailhub.io/problems/";

	@LocalServerPort
	int port;

	final ErpEffects effects = Sandbox.bean(ErpEffects.class);

	RestClient api;

	@BeforeEach
	void client() {
		api = SystemApiHttp.client(port, "/api/system/v1/return-authorizations");
	}

	@Test
	void createsAReturnAuthorizationAnswering201WithItsLocation() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String reference = ErpTestOrders.reference("RA-API");

		ResponseEntity<String> created = postJson(api, body(reference, order.orderNumber(), 1, "DAMAGED"));
		JsonNode authorization = jsonOf(created);
		ResponseEntity<String> fetched = api.get().uri(created.getHeaders().getLocation()).retrieve().toEntity(String.class);

		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation().getPath())
			.isEqualTo("/api/system/v1/return-authorizations/" + authorization.get("id").asString());
		assertThat(authorization.get("orderId").asString()).isEqualTo(order.orderNumber());
		assertThat(authorization.get("customerId").asString()).isEqualTo(order.customerNumber());
		assertThat(authorization.get("externalReference").asString()).isEqualTo(reference);
		assertThat(authorization.get("status").asString()).isEqualTo("OPEN");
		assertThat(authorization.get("netAmount").get("currency").asString()).isEqualTo(order.currency());
		assertThat(authorization.get("lines").get(0).get("lineNumber").asString()).isEqualTo("10");
		assertThat(authorization.get("lines").get(0).get("reason").asString()).isEqualTo("DAMAGED");
		assertThat(fetched.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(fetched)).isEqualTo(authorization);
	}

	@Test
	void answersARepeatWith200AndTheSameDocumentCreatingOnlyOne() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String body = body(ErpTestOrders.reference("RA-API-TWICE"), order.orderNumber(), 1, "UNWANTED");
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ResponseEntity<String> first = postJson(api, body);
		ResponseEntity<String> second = postJson(api, body);

		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(second.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(second)).isEqualTo(jsonOf(first));
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before + 1);
	}

	@Test
	void refusesMoreThanWasOrderedAsBackendRejectedAndCreatesNothing() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);

		ResponseEntity<String> refused = postJson(api, body(ErpTestOrders.reference("RA-API-MUCH"), order.orderNumber(),
				order.lines().get(0).quantity() + 1, "UNWANTED"));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = jsonOf(refused);
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "backend-rejected");
		assertThat(problem.get("backend").asString()).isEqualTo("erp");
		assertThat(problem.get("backendCode").asString()).isEqualTo("MSR_RETURNS/021");
		assertThat(problem.get("correlationId").asString()).isNotBlank();
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	@Test
	void answers404ForAnOrderErpDoesNotKnow() {
		ResponseEntity<String> missing = postJson(api, body(ErpTestOrders.reference("RA-API-NOORDER"), "WEB-999999", 1, "OTHER"));

		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(jsonOf(missing).get("type").asString()).isEqualTo(PROBLEMS + "not-found");
	}

	@Test
	void answers404ForAnUnknownReturnAuthorization() {
		ResponseEntity<String> missing = api.get().uri("/{id}", "69999999").retrieve().toEntity(String.class);

		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listsTheReturnAuthorizationsOfAnOrderIncludingLegacyReturns() {
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.PARTLY_RETURNED_ORDER);

		ResponseEntity<String> listed = api.get()
			.uri("?orderId={orderId}", order.orderNumber())
			.retrieve()
			.toEntity(String.class);

		JsonNode returns = jsonOf(listed);
		assertThat(listed.getStatusCode().value()).isEqualTo(200);
		assertThat(returns.isArray()).isTrue();
		assertThat(returns.get(0).get("externalReference").asString()).isEqualTo(order.returns().get(0).reference());
		assertThat(returns.get(0).get("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void refusesAnInvalidRequestBeforeAskingErp() {
		ResponseEntity<String> invalid = postJson(api, """
				{"externalReference":"","orderId":"WEB-100001","lines":[]}""");

		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		JsonNode problem = jsonOf(invalid);
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "invalid-request");
		assertThat(problem.get("errors").findValuesAsString("field")).contains("externalReference", "lines");
	}

	@Test
	void answers503WithRetryAfterWhileErpIsDownAndCreatesNothing() {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		long before = effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED);
		Sandbox.outage(Backend.ERP);

		ResponseEntity<String> unavailable = postJson(api, body(ErpTestOrders.reference("RA-API-DOWN"), order.orderNumber(), 1,
				"UNWANTED"));

		assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
		assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(jsonOf(unavailable).get("backend").asString()).isEqualTo("erp");
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURNS_CREATED)).isEqualTo(before);
	}

	private static String body(String reference, String orderId, int quantity, String reason) {
		return """
				{"externalReference":"%s","orderId":"%s","lines":[{"lineNumber":"10","quantity":%d,"reason":"%s"}]}"""
			.formatted(reference, orderId, quantity, reason);
	}
}
