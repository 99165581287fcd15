package io.retailhub.system.returnauthorizations;

import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static io.retailhub.system.support.SystemApiHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.erp.ErpEffects;
import io.retailhub.sandbox.backends.erp.ReturnGoodsReceipts;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
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

/**
 * {@code POST /api/system/v1/return-authorizations/{id}/cancellation} over HTTP, with the
 * simulated SAP S/4HANA behind it: the items are rejected by MERGE with the return's ETag.
 */
@SystemApiIntegrationTest
class ReturnAuthorizationCancellationIntegrationTests {

	static final String PROBLEMS = "https://retailhub.io/problems/";

	@LocalServerPort
	int port;

	final ErpEffects effects = Sandbox.bean(ErpEffects.class);

	final RequestCounts requests = Sandbox.bean(RequestCounts.class);

	RestClient api;

	@BeforeEach
	void client() {
		api = SystemApiHttp.client(port, "/api/system/v1/return-authorizations");
	}

	@Test
	void cancelsAReturnAuthorizationByRejectingItsItemsInErp() {
		// given an open RMA of two order lines
		String rma = createReturnAuthorization("RA-CANCEL");
		long rejectedBefore = effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED);

		// when the hub cancels it
		ResponseEntity<String> canceled = cancel(rma, "CANCELED_BY_CUSTOMER");

		// then it answers the RMA as ERP shows it now: rejected, every item once
		assertThat(canceled.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(canceled).get("id").asString()).isEqualTo(rma);
		assertThat(jsonOf(canceled).get("status").asString()).isEqualTo("REJECTED");
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED)).isEqualTo(rejectedBefore + 2);
		assertThat(jsonOf(api.get().uri("/{id}", rma).retrieve().toEntity(String.class)).get("status").asString())
			.isEqualTo("REJECTED");
	}

	/**
	 * SAP declares no concurrency token on items, so an item's MERGE answers no ETag: each further
	 * item is written under the return's ETag read again, one MERGE per item and none refused.
	 */
	@Test
	void rejectsEachOfThreeItemsOnceUnderTheReturnsEtagAsItIsThen() {
		// given an open RMA of three order lines
		String rma = createReturnAuthorization("RA-CANCEL-THREE", "10", "20", "30");
		long changedBefore = effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_CHANGED);
		long postsBefore = requests.count(Backend.ERP, "POST");

		// when the hub cancels it
		ResponseEntity<String> canceled = cancel(rma, "CANCELED_BY_CUSTOMER");

		// then every item was rejected by exactly one MERGE, none refused for a stale or missing ETag
		assertThat(canceled.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(canceled).get("status").asString()).isEqualTo("REJECTED");
		assertThat(effects.changesOf(rma)).isEqualTo(3);
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_CHANGED)).isEqualTo(changedBefore + 3);
		assertThat(requests.count(Backend.ERP, "POST") - postsBefore).isEqualTo(3);
	}

	@Test
	void answersARepeatWith200AndWritesNothing() {
		String rma = createReturnAuthorization("RA-CANCEL-TWICE");
		ResponseEntity<String> first = cancel(rma, "EXPIRED");
		long changedBefore = effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_CHANGED);

		ResponseEntity<String> second = cancel(rma, "EXPIRED");

		assertThat(second.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(second)).isEqualTo(jsonOf(first));
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_CHANGED)).isEqualTo(changedBefore);
	}

	@Test
	void answers404ForAnRmaErpDoesNotKnow() {
		ResponseEntity<String> missing = cancel("69999999", "CANCELED_BY_CUSTOMER");

		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(jsonOf(missing).get("type").asString()).isEqualTo(PROBLEMS + "not-found");
	}

	@Test
	void answers409OnceTheWarehouseReceivedAnythingAndRejectsNothing() {
		// given an RMA the warehouse received one line of
		String rma = createReturnAuthorization("RA-CANCEL-RECEIVED");
		Sandbox.bean(ReturnGoodsReceipts.class).post(rma, Set.of("10"));
		long rejectedBefore = effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED);

		// when the hub tries to cancel it
		ResponseEntity<String> conflict = cancel(rma, "CANCELED_BY_CUSTOMER");

		// then it is refused as a conflict and stays open in ERP
		assertThat(conflict.getStatusCode().value()).isEqualTo(409);
		JsonNode problem = jsonOf(conflict);
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "conflict");
		assertThat(problem.get("detail").asString()).contains(rma).contains("received");
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED)).isEqualTo(rejectedBefore);
		assertThat(jsonOf(api.get().uri("/{id}", rma).retrieve().toEntity(String.class)).get("status").asString())
			.isEqualTo("OPEN");
	}

	@Test
	void refusesACancellationWithoutReasonBeforeAskingErp() {
		ResponseEntity<String> invalid = api.post()
			.uri("/{id}/cancellation", "60000001")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toEntity(String.class);

		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(jsonOf(invalid).get("errors").findValuesAsString("field")).contains("reason");
	}

	@Test
	void answers503WhileErpIsDownAndRejectsNothing() {
		String rma = createReturnAuthorization("RA-CANCEL-DOWN");
		long rejectedBefore = effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED);
		Sandbox.outage(Backend.ERP);

		ResponseEntity<String> unavailable = cancel(rma, "EXPIRED");

		assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
		assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(effects.count(ErpEffects.CUSTOMER_RETURN_ITEMS_REJECTED)).isEqualTo(rejectedBefore);
	}

	private ResponseEntity<String> cancel(String rma, String reason) {
		return api.post()
			.uri("/{id}/cancellation", rma)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"" + reason + "\"}")
			.retrieve()
			.toEntity(String.class);
	}

	/** An open RMA of lines 10 and 20 of an order nothing was returned of; answers its number. */
	private String createReturnAuthorization(String prefix) {
		return createReturnAuthorization(prefix, "10", "20");
	}

	/** An open RMA of one unit of each of these lines of an order nothing was returned of; answers its number. */
	private String createReturnAuthorization(String prefix, String... lines) {
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		while (order.lines().size() < lines.length) {
			order = ErpTestOrders.untouchedDeliveredOrder(1);
		}
		String items = Arrays.stream(lines)
			.map(line -> "{\"lineNumber\":\"" + line + "\",\"quantity\":1,\"reason\":\"UNWANTED\"}")
			.collect(Collectors.joining(","));
		ResponseEntity<String> created = postJson(api, """
				{"externalReference":"%s","orderId":"%s","lines":[%s]}"""
			.formatted(ErpTestOrders.reference(prefix), order.orderNumber(), items));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		return jsonOf(created).get("id").asString();
	}
}
