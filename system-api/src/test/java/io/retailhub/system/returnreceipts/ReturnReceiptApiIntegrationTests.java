package io.retailhub.system.returnreceipts;

import static io.retailhub.system.support.SystemApiHttp.get;
import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static io.retailhub.system.support.SystemApiHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.system.erp.ErpTestOrders;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** An RMA's receipts read from the sandbox WMS through the system API, over real HTTP. */
@SystemApiIntegrationTest
class ReturnReceiptApiIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void answersEachParcelOfAnRmaWithTheRunningTotalsAsOfIt() {
		// given an RMA for two units of line 10, received in two parcels (the first one damaged)
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(2);
		String rma = authorizeReturn(order, 2);
		String first = receive(rma, """
				{"lines":[{"lineNumber":"10","received":1,"damaged":1}]}""");
		String second = receive(rma, null);

		// when
		ResponseEntity<String> answer = get(SystemApiHttp.client(port, "/api/system/v1/return-receipts"),
				"?rmaNumber={rma}", rma);

		// then both, in order, each with what had arrived up to it
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		JsonNode receipts = jsonOf(answer);
		assertThat(receipts).hasSize(2);
		assertThat(receipts.get(0).path("receiptId").asString()).isEqualTo(first);
		assertThat(receipts.get(0).path("sequence").asLong()).isEqualTo(1);
		assertThat(receipts.get(0).path("rmaNumber").asString()).isEqualTo(rma);
		assertThat(receipts.get(0).path("orderId").asString()).isEqualTo(order.orderNumber());
		assertThat(receipts.get(0).path("totals").get(0).path("quantityExpected").asInt()).isEqualTo(2);
		assertThat(receipts.get(0).path("totals").get(0).path("quantityReceived").asInt()).isEqualTo(1);
		assertThat(receipts.get(0).path("totals").get(0).path("quantityDamaged").asInt()).isEqualTo(1);
		assertThat(receipts.get(1).path("receiptId").asString()).isEqualTo(second);
		assertThat(receipts.get(1).path("sequence").asLong()).isEqualTo(2);
		assertThat(receipts.get(1).path("totals").get(0).path("lineNumber").asString()).isEqualTo("10");
		assertThat(receipts.get(1).path("totals").get(0).path("quantityReceived").asInt()).isEqualTo(2);
		assertThat(receipts.get(1).path("totals").get(0).path("quantityDamaged").asInt()).isEqualTo(1);
	}

	@Test
	void answersNoReceiptsForAnRmaNothingArrivedFor() {
		String rma = authorizeReturn(ErpTestOrders.untouchedDeliveredOrder(1), 1);

		ResponseEntity<String> answer = get(SystemApiHttp.client(port, "/api/system/v1/return-receipts"),
				"?rmaNumber={rma}", rma);

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(answer)).isEmpty();
	}

	private String authorizeReturn(DemoOrder order, int units) {
		ResponseEntity<String> created = postJson(SystemApiHttp.client(port, "/api/system/v1/return-authorizations"),
				"""
						{"externalReference":"%s","orderId":"%s","lines":[{"lineNumber":"10","quantity":%d,"reason":"UNWANTED"}]}"""
					.formatted(ErpTestOrders.reference("RCPT-API"), order.orderNumber(), units));
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		return jsonOf(created).path("id").asString();
	}

	/** Receives a parcel at the sandbox WMS; answers its receipt ID. */
	private static String receive(String rma, String body) {
		RestClient.RequestBodySpec request = SystemApiHttp.client(Sandbox.baseUrl() + "/admin/warehouse")
			.post()
			.uri("/rmas/{rma}/receive", rma);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		ResponseEntity<String> received = request.retrieve().toEntity(String.class);
		assertThat(received.getStatusCode().value()).as(received.getBody()).isEqualTo(201);
		return jsonOf(received).path("receipt_id").asString();
	}
}
