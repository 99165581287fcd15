package io.retailhub.system.returnreceipts;

import static io.retailhub.system.support.SystemApiHttp.get;
import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static io.retailhub.system.support.SystemApiHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.system.erp.ErpTestOrders;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A parcel handed over at a store, booked through the system API at the sandbox WMS's store location
 * over real HTTP: once, at that store, with its stock; never at a place that is no store.
 */
@SystemApiIntegrationTest
class StoreReceiptApiIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void booksAParcelAtTheStoreOnceAndPutsItsGoodUnitsOnHandThere() {
		// given an RMA for two units of line 10
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(2);
		String sku = order.lines().get(0).sku();
		String rma = authorizeReturn(order, 2);
		int onHandBefore = onHand(sku, "STORE-NYC");
		String body = """
				{"rmaNumber":"%s","locationId":"STORE-NYC","lines":[{"lineNumber":"10","quantityReceived":2,"quantityDamaged":1,"quantityRejected":0}]}"""
			.formatted(rma);

		// when the store books it, and books it again (a lost answer, say)
		ResponseEntity<String> booked = postJson(client(), body);
		ResponseEntity<String> again = postJson(client(), body);

		// then one receipt at the store, the same answer twice, one good unit more on hand there
		assertThat(booked.getStatusCode().value()).as(booked.getBody()).isEqualTo(201);
		JsonNode receipt = jsonOf(booked);
		assertThat(receipt.path("warehouseId").asString()).isEqualTo("STORE-NYC");
		assertThat(receipt.path("rmaNumber").asString()).isEqualTo(rma);
		assertThat(receipt.path("totals").get(0).path("quantityReceived").asInt()).isEqualTo(2);
		assertThat(receipt.path("totals").get(0).path("quantityDamaged").asInt()).isEqualTo(1);
		assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
		assertThat(jsonOf(again).path("receiptId").asString()).isEqualTo(receipt.path("receiptId").asString());
		assertThat(jsonOf(get(SystemApiHttp.client(port, "/api/system/v1/return-receipts"), "?rmaNumber={rma}", rma)))
			.hasSize(1);
		assertThat(onHand(sku, "STORE-NYC")).isEqualTo(onHandBefore + 1);
	}

	@Test
	void refusesALocationThatIsNoStoreAndBooksNothing() {
		String rma = authorizeReturn(ErpTestOrders.untouchedDeliveredOrder(1), 1);

		ResponseEntity<String> atDistributionCenter = postJson(client(), """
				{"rmaNumber":"%s","locationId":"DC-EAST","lines":[{"lineNumber":"10","quantityReceived":1,"quantityDamaged":0,"quantityRejected":0}]}"""
			.formatted(rma));
		ResponseEntity<String> nowhere = postJson(client(), """
				{"rmaNumber":"%s","locationId":"STORE-XYZ","lines":[{"lineNumber":"10","quantityReceived":1,"quantityDamaged":0,"quantityRejected":0}]}"""
			.formatted(rma));

		for (ResponseEntity<String> refused : new ResponseEntity[] { atDistributionCenter, nowhere }) {
			assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
			assertThat(jsonOf(refused).path("type").asString()).isEqualTo(ProblemType.NOT_A_STORE.uri().toString());
			assertThat(jsonOf(refused).path("errors").findValuesAsString("field")).contains("locationId");
		}
		assertThat(jsonOf(get(SystemApiHttp.client(port, "/api/system/v1/return-receipts"), "?rmaNumber={rma}", rma)))
			.isEmpty();
	}

	@Test
	void refusesAParcelWithoutLinesAsBadInput() {
		ResponseEntity<String> refused = postJson(client(), """
				{"rmaNumber":"60000001","locationId":"STORE-NYC","lines":[]}""");

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(jsonOf(refused).path("errors").findValuesAsString("field")).contains("lines");
	}

	@Test
	void listsTheStoresOfTheWarehouse() {
		ResponseEntity<String> stores = get(SystemApiHttp.client(port, "/api/system/v1/locations"), "?type=STORE");

		assertThat(stores.getStatusCode().value()).isEqualTo(200);
		assertThat(jsonOf(stores).findValuesAsString("id")).containsExactlyInAnyOrder("STORE-NYC", "STORE-BER");
		assertThat(jsonOf(stores).findValuesAsString("type")).containsOnly("STORE");
	}

	private org.springframework.web.client.RestClient client() {
		return SystemApiHttp.client(port, "/api/system/v1/return-receipts");
	}

	private int onHand(String sku, String location) {
		JsonNode availability = jsonOf(get(SystemApiHttp.client(port, "/api/system/v1/inventory/" + sku), ""));
		for (JsonNode level : availability.path("locations")) {
			if (level.path("locationId").asString().equals(location)) {
				return level.path("onHand").asInt();
			}
		}
		throw new AssertionError("no stock level at " + location + " in " + availability);
	}

	private String authorizeReturn(DemoOrder order, int units) {
		ResponseEntity<String> created = postJson(SystemApiHttp.client(port, "/api/system/v1/return-authorizations"),
				"""
						{"externalReference":"%s","orderId":"%s","lines":[{"lineNumber":"10","quantity":%d,"reason":"UNWANTED"}]}"""
					.formatted(ErpTestOrders.reference("STORE-RCPT"), order.orderNumber(), units));
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		return jsonOf(created).path("id").asString();
	}
}
