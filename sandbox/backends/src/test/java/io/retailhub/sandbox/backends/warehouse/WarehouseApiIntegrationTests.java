package io.retailhub.sandbox.backends.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoShipment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest(properties = { "spring.config.name=sandbox", "spring.main.banner-mode=off" })
@AutoConfigureMockMvc
class WarehouseApiIntegrationTests {

	private static final String API = "/warehouse/api/v1";

	private static final String KEY = "sandbox-wms-key";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DemoData data;

	@Autowired
	WarehouseStore store;

	@Test
	void refusesCallsWithoutTheApiKey() {
		assertThat(mvc.get().uri(API + "/locations")).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"error":{"code":"unauthorized","message":"Missing or invalid API key"}}""");
	}

	@Test
	void refusesAWrongApiKey() {
		assertThat(mvc.get().uri(API + "/locations").header(WarehouseApiKeyFilter.HEADER, "guessed"))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.extractingPath("$.error.code")
			.isEqualTo("unauthorized");
	}

	@Test
	void listsTheDemoLocationsInSnakeCase() {
		assertThat(get(API + "/locations")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"data":[{"location_id":"DC-EAST","name":"Distribution Center East (Columbus)",
					"type":"distribution_center","country":"US","erp_plant":"1710"},
					{"location_id":"DC-WEST"},{"location_id":"DC-EU"},
					{"location_id":"STORE-NYC","type":"store"},{"location_id":"STORE-BER"}],
					"has_more":false,"next_cursor":null}""");
	}

	@Test
	void answersStockPerLocationFromTheDemoDataWithOpenOrdersReserved() {
		// given the open showcase order, picked from its plant's distribution center
		DemoOrder open = data.order(DemoData.Showcase.OPEN_ORDER);
		String sku = open.lines().get(0).sku();
		String pickedFrom = open.plant().equals("1710") ? "DC-EAST" : "DC-EU";
		int reserved = data.orders()
			.stream()
			.filter(o -> o.shipments().isEmpty() && o.plant().equals(open.plant()))
			.flatMap(o -> o.lines().stream())
			.filter(l -> l.sku().equals(sku))
			.mapToInt(l -> l.quantity())
			.sum();
		int onHand = data.stock().get(sku).get(pickedFrom);

		// when / then
		assertThat(get(API + "/stock?sku=" + sku + "&location_id=" + pickedFrom)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{"data":[{"location_id":"%s","sku":"%s","on_hand":%d,"reserved":%d,"available":%d}],
					"has_more":false,"next_cursor":null}""".formatted(pickedFrom, sku, onHand, reserved,
					Math.max(0, onHand - reserved)));
		assertThat(reserved).isPositive();
	}

	@Test
	void answersOneStockLevelPerLocationForAKnownSku() {
		Map<String, Integer> expected = data.stock().get(DemoData.Showcase.SKU);
		assertThat(get(API + "/stock?sku=" + DemoData.Showcase.SKU)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data[*].location_id")
			.asArray()
			.containsExactlyElementsOf(expected.keySet());
	}

	@Test
	void answersNoStockForAnUnknownSku() {
		assertThat(get(API + "/stock?sku=NOPE-1")).hasStatusOk().bodyJson().extractingPath("$.data").asArray().isEmpty();
	}

	@Test
	void requiresTheSkuForStock() {
		assertThat(get(API + "/stock")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"error":{"code":"invalid_parameter","errors":[{"field":"sku","code":"invalid"}]}}""");
	}

	@Test
	void listsTheSplitShipmentsOfAnOrder() {
		DemoOrder order = data.order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		DemoShipment first = order.shipments().get(0);
		DemoShipment second = order.shipments().get(1);
		assertThat(get(API + "/shipments?order_number=" + order.orderNumber())).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{"data":[
					{"shipment_id":"%s","order_number":"%s","warehouse_id":"%s","carrier":"%s","tracking_number":"%s",
					 "status":"delivered","shipped_at":"%s","delivered_at":"%s",
					 "lines":[{"line_number":"10","sku":"%s","quantity":%d}]},
					{"shipment_id":"%s","order_number":"%s","warehouse_id":"%s","carrier":"%s","tracking_number":"%s",
					 "status":"in_transit","shipped_at":"%s","delivered_at":null,
					 "lines":[{"line_number":"20","sku":"%s","quantity":%d}]}],
					"has_more":false,"next_cursor":null}""".formatted(first.shipmentId(), order.orderNumber(),
					first.warehouse(), first.carrier(), first.trackingNumber(), first.shippedAt(), first.deliveredAt(),
					order.lines().get(0).sku(), order.lines().get(0).quantity(), second.shipmentId(),
					order.orderNumber(), second.warehouse(), second.carrier(), second.trackingNumber(),
					second.shippedAt(), order.lines().get(1).sku(), order.lines().get(1).quantity()));
	}

	@Test
	void readsOneShipmentById() {
		DemoShipment shipment = data.order(DemoData.Showcase.DELIVERED_ORDER).shipments().get(0);
		assertThat(get(API + "/shipments/" + shipment.shipmentId())).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"shipment_id":"%s","order_number":"%s","status":"delivered","tracking_number":"%s"}"""
				.formatted(shipment.shipmentId(), DemoData.Showcase.DELIVERED_ORDER, shipment.trackingNumber()));
	}

	@Test
	void answersAnUnknownShipmentWithNotFoundInTheWmsDialect() {
		assertThat(get(API + "/shipments/SHP-0")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"error":{"code":"not_found","message":"shipment 'SHP-0' does not exist"}}""");
	}

	@Test
	void pagesThroughListsWithCursors() throws Exception {
		// given a first page of two shipments
		MvcTestResult first = mvc.get().uri(API + "/shipments?limit=2").header(WarehouseApiKeyFilter.HEADER, KEY).exchange();
		assertThat(first).hasStatusOk().bodyJson().extractingPath("$.has_more").isEqualTo(true);
		String cursor = JsonPath.read(first.getResponse().getContentAsString(), "$.next_cursor");

		// when the next page is asked for
		// then it continues with the third shipment of the demo data
		String third = data.orders()
			.stream()
			.flatMap(o -> o.shipments().stream())
			.skip(2)
			.findFirst()
			.orElseThrow()
			.shipmentId();
		assertThat(get(API + "/shipments?limit=2&cursor=" + cursor)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data[0].shipment_id")
			.isEqualTo(third);
	}

	@Test
	void refusesAMalformedCursorOrLimit() {
		assertThat(get(API + "/shipments?cursor=garbage")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error.errors[0].field")
			.isEqualTo("cursor");
		assertThat(get(API + "/shipments?limit=1000")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error.errors[0].field")
			.isEqualTo("limit");
	}

	@Test
	void recordsAReturnReceiptAndPutsTheGoodUnitsBackOnHand() {
		// given line 10 of the delivered showcase order, shipped from one warehouse
		DemoOrder order = data.order(DemoData.Showcase.DELIVERED_ORDER);
		String sku = order.lines().get(0).sku();
		String warehouse = order.shipments().get(0).warehouse();
		int onHandBefore = onHand(sku, warehouse);
		long receiptsBefore = store.counts().get(WarehouseStore.RECEIPTS_CREATED);

		// when two units arrive, one of them damaged
		MvcTestResult created = post("""
				{"rma_number":"RMA-T-1","order_number":"%s","lines":[{"line_number":"10","sku":"%s",
				"quantity_expected":2,"quantity_received":2,"quantity_damaged":1}]}""".formatted(order.orderNumber(), sku));

		// then the receipt exists, names where it was received, and one unit is back on hand
		assertThat(created).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"rma_number":"RMA-T-1","order_number":"%s","warehouse_id":"%s",
					"lines":[{"line_number":"10","sku":"%s","quantity_expected":2,"quantity_received":2,
					"quantity_damaged":1,"quantity_rejected":0,"quantity_restocked":1}]}"""
				.formatted(order.orderNumber(), warehouse, sku));
		String location = created.getResponse().getHeader("Location");
		assertThat(location).startsWith(API + "/return-receipts/RCPT-");
		assertThat(get(location)).hasStatusOk().bodyJson().extractingPath("$.rma_number").isEqualTo("RMA-T-1");
		assertThat(get(API + "/return-receipts?rma_number=RMA-T-1")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.data[*].rma_number")
			.asArray()
			.containsExactly("RMA-T-1");
		assertThat(onHand(sku, warehouse)).isEqualTo(onHandBefore + 1);
		assertThat(store.counts().get(WarehouseStore.RECEIPTS_CREATED)).isEqualTo(receiptsBefore + 1);
	}

	@Test
	void refusesAnInvalidReceiptNamingTheFieldsAtFault() {
		assertThat(post("""
				{"order_number":"WEB-100001","lines":[{"line_number":"10","sku":"X","quantity_expected":1,
				"quantity_received":-1}]}""")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"error":{"code":"validation_error","errors":[
					{"field":"lines[0].quantity_received","code":"invalid"},
					{"field":"rma_number","code":"invalid"}]}}""");
	}

	@Test
	void refusesReceivingMoreThanWasShippedAndChangesNothing() {
		// given the marketplace showcase's line 10, shipped once
		DemoOrder order = data.order(DemoData.Showcase.FINAL_SALE_ORDER);
		String sku = order.lines().get(0).sku();
		int shipped = order.lines().get(0).quantity();
		String warehouse = order.shipments().get(0).warehouse();
		int onHandBefore = onHand(sku, warehouse);

		// when more units arrive than ever left
		MvcTestResult refused = post("""
				{"rma_number":"RMA-T-2","order_number":"%s","lines":[{"line_number":"10","sku":"%s",
				"quantity_expected":%d,"quantity_received":%d}]}""".formatted(order.orderNumber(), sku, shipped,
				shipped + 1));

		// then
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"error":{"code":"validation_error","errors":[
					{"field":"lines[0].quantity_received","code":"quantity_exceeds_shipped"}]}}""");
		assertThat(onHand(sku, warehouse)).isEqualTo(onHandBefore);
		assertThat(get(API + "/return-receipts?rma_number=RMA-T-2")).bodyJson()
			.extractingPath("$.data")
			.asArray()
			.isEmpty();
	}

	@Test
	void refusesAReceiptForAnUnknownOrderOrAMismatchedSku() {
		assertThat(post("""
				{"rma_number":"RMA-T-3","order_number":"WEB-999999","lines":[{"line_number":"10","sku":"MAT-1001",
				"quantity_expected":1,"quantity_received":1}]}""")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.error.errors[0].code")
			.isEqualTo("unknown_order");
		assertThat(post("""
				{"rma_number":"RMA-T-3","order_number":"%s","lines":[{"line_number":"10","sku":"NOT-THIS",
				"quantity_expected":1,"quantity_received":1}]}""".formatted(DemoData.Showcase.OLD_ORDER)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.error.errors[0].field")
			.isEqualTo("lines[0].sku");
	}

	@Test
	void refusesMalformedJson() {
		assertThat(post("{\"rma_number\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error.code")
			.isEqualTo("invalid_json");
	}

	@Test
	void answersUnknownPathsInTheWmsDialect() {
		assertThat(get(API + "/pallets")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.error.code")
			.isEqualTo("not_found");
	}

	private int onHand(String sku, String location) {
		return store.stock(sku, location).get(0).onHand();
	}

	private MockMvcRequestBuilder get(String uri) {
		return mvc.get().uri(uri).header(WarehouseApiKeyFilter.HEADER, KEY);
	}

	private MvcTestResult post(String json) {
		return mvc.post()
			.uri(API + "/return-receipts")
			.header(WarehouseApiKeyFilter.HEADER, KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}
}
