package io.retailhub.sandbox.backends.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * {@code POST /warehouse/api/v1/rmas/{rma_number}/receipts}: a parcel received against an RMA at a
 * chosen location (a store's counter), in the WMS's dialect, with the same rules as every receipt.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"sandbox.warehouse.webhooks.retry.initial-backoff=100ms",
				"sandbox.warehouse.webhooks.retry.max-backoff=400ms", "sandbox.warehouse.webhooks.retry.max-age=3s",
				"sandbox.warehouse.webhooks.timeout=5s", "sandbox.warehouse.auto-receive-poll-interval=100ms" })
class RmaReceiptApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SandboxCredentials credentials;

	final JsonMapper json = JsonMapper.shared();

	RestClient sandbox;

	ErpCustomerReturns erp;

	@BeforeEach
	void connect() {
		sandbox = WarehouseTestApi.client(port, credentials);
		erp = new ErpCustomerReturns(port, credentials, data);
	}

	@Test
	void receivesAtTheStoreRestocksThereAndPostsTheGoodsReceiptToErp() {
		// given an RMA for two units of line 10
		DemoOrder order = erp.untouchedDeliveredOrder(2);
		String sku = order.lines().get(0).sku();
		String rma = erp.create(order, Map.of("10", 2));
		int onHandBefore = onHand(sku, "STORE-BER");

		// when the store receives both, one damaged
		ResponseEntity<String> received = receive(rma, """
				{"warehouse_id":"STORE-BER","lines":[{"line_number":"10","quantity_received":2,"quantity_damaged":1}]}""");

		// then one receipt at the store, one unit back on hand there, the item received in ERP
		assertThat(received.getStatusCode().value()).as(received.getBody()).isEqualTo(201);
		JsonNode receipt = json.readTree(received.getBody());
		assertThat(receipt.path("warehouse_id").asString()).isEqualTo("STORE-BER");
		assertThat(receipt.path("sequence").asLong()).isEqualTo(1);
		assertThat(receipt.path("lines").get(0).path("quantity_restocked").asInt()).isEqualTo(1);
		assertThat(WarehouseTestApi.receipts(sandbox, rma)).hasSize(1);
		assertThat(onHand(sku, "STORE-BER")).isEqualTo(onHandBefore + 1);
		assertThat(erp.read(rma).path("to_Item").path("results").get(0).path("ReturnsMaterialHasBeenReceived").asString())
			.isEqualTo("X");
	}

	@Test
	void refusesAnRmaErpRejectedAnUnknownLocationAndAMissingOneInItsDialect() {
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rejected = erp.create(order, Map.of("10", 1));
		erp.reject(rejected);
		String open = erp.create(erp.untouchedDeliveredOrder(1), Map.of("10", 1));

		ResponseEntity<String> forRejected = receive(rejected, """
				{"warehouse_id":"STORE-NYC","lines":[{"line_number":"10","quantity_received":1}]}""");
		ResponseEntity<String> nowhere = receive(open, """
				{"warehouse_id":"STORE-XYZ","lines":[{"line_number":"10","quantity_received":1}]}""");
		ResponseEntity<String> noLocation = receive(open, """
				{"lines":[{"line_number":"10","quantity_received":1}]}""");

		assertThat(forRejected.getStatusCode().value()).isEqualTo(409);
		assertThat(json.readTree(forRejected.getBody()).path("error").path("code").asString()).isEqualTo("rma_rejected");
		assertThat(nowhere.getStatusCode().value()).as(nowhere.getBody()).isEqualTo(422);
		assertThat(json.readTree(nowhere.getBody()).path("error").path("errors").findValuesAsString("code"))
			.as(nowhere.getBody())
			.containsExactly("unknown_location");
		assertThat(noLocation.getStatusCode().value()).isEqualTo(422);
		assertThat(json.readTree(noLocation.getBody()).path("error").path("errors").findValuesAsString("field"))
			.contains("warehouse_id");
		assertThat(WarehouseTestApi.receipts(sandbox, rejected)).isEmpty();
		assertThat(WarehouseTestApi.receipts(sandbox, open)).isEmpty();
	}

	private ResponseEntity<String> receive(String rma, String body) {
		return sandbox.post()
			.uri("/warehouse/api/v1/rmas/{rma}/receipts", rma)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private int onHand(String sku, String location) {
		JsonNode levels = json.readTree(sandbox.get()
			.uri("/warehouse/api/v1/stock?sku={sku}&location_id={location}", sku, location)
			.retrieve()
			.body(String.class)).path("data");
		return levels.get(0).path("on_hand").asInt();
	}
}
