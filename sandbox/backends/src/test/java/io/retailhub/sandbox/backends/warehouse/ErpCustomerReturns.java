package io.retailhub.sandbox.backends.warehouse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Creates and rejects customer returns (RMAs) in the simulated ERP the way the hub does, over its
 * OData API, for orders no other test of the JVM has used.
 */
final class ErpCustomerReturns {

	private static final String RETURNS = "/erp/sap/opu/odata/sap/API_CUSTOMER_RETURN_SRV";

	/** Past the showcases and the orders other sandbox tests pick. */
	private static final AtomicInteger nextOrder = new AtomicInteger(1500);

	private final RestClient erp;

	private final DemoData data;

	ErpCustomerReturns(int port, SandboxCredentials credentials, DemoData data) {
		this.erp = RestClient.builder()
			.baseUrl("http://localhost:" + port + RETURNS)
			.defaultHeaders(h -> h.setBasicAuth(credentials.erpUsername(), credentials.erpPassword()))
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
		this.data = data;
	}

	/** A delivered order without returns whose line 10 has at least {@code units} units. */
	DemoOrder untouchedDeliveredOrder(int units) {
		List<DemoOrder> orders = data.orders();
		for (int i = nextOrder.getAndIncrement(); i < orders.size(); i = nextOrder.getAndIncrement()) {
			DemoOrder order = orders.get(i);
			if (order.fullyDelivered() && order.returns().isEmpty() && order.lines().get(0).quantity() >= units) {
				return order;
			}
		}
		throw new IllegalStateException("no untouched delivered orders left in the demo data");
	}

	/**
	 * Rejects every item of the customer return, as the hub does when the return is canceled: each
	 * MERGE under the return's ETag as it is then (an item MERGE answers none).
	 */
	void reject(String rma) {
		ResponseEntity<Void> fetched = erp.get().uri("/").header("x-csrf-token", "Fetch").retrieve().toBodilessEntity();
		String cookie = fetched.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
		String items = erp.get().uri("/A_CustomerReturn('{rma}')?$expand=to_Item", rma).retrieve().body(String.class);
		for (JsonNode item : JsonMapper.shared().readTree(items).path("d").path("to_Item").path("results")) {
			String etag = erp.get().uri("/A_CustomerReturn('{rma}')", rma).retrieve().toBodilessEntity().getHeaders()
				.getETag();
			erp.post()
				.uri("/A_CustomerReturnItem(CustomerReturn='{rma}',CustomerReturnItem='{item}')", rma,
						item.path("CustomerReturnItem").asString())
				.header("X-HTTP-Method", "MERGE")
				.header("x-csrf-token", fetched.getHeaders().getFirst("x-csrf-token"))
				.header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
				.header(HttpHeaders.IF_MATCH, etag)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"SalesDocumentRjcnReason\":\"Z1\"}")
				.retrieve()
				.toBodilessEntity();
		}
	}

	/** The customer return with its items, as ERP shows it. */
	JsonNode read(String rma) {
		return JsonMapper.shared()
			.readTree(erp.get().uri("/A_CustomerReturn('{rma}')?$expand=to_Item", rma).retrieve().body(String.class))
			.path("d");
	}

	/** Creates the customer return; answers its RMA number. */
	String create(DemoOrder order, Map<String, Integer> unitsByLine) {
		ResponseEntity<Void> fetched = erp.get().uri("/").header("x-csrf-token", "Fetch").retrieve().toBodilessEntity();
		String cookie = fetched.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
		String items = unitsByLine.entrySet()
			.stream()
			.map(e -> """
					{"RequestedQuantity":"%d","RequestedQuantityUnit":"PC","ReferenceSDDocument":"%s",
					"ReferenceSDDocumentItem":"%s","ReturnReason":"109"}""".formatted(e.getValue(), order.salesOrder(),
					e.getKey()))
			.collect(Collectors.joining(","));
		String body = """
				{"CustomerReturnType":"CBRE","SoldToParty":"%s","PurchaseOrderByCustomer":"%s","SDDocumentReason":"005",
				 "ReferenceSDDocument":"%s","to_Item":{"results":[%s]}}"""
			.formatted(order.customerNumber(), "WMS-" + UUID.randomUUID().toString().substring(0, 8),
					order.salesOrder(), items);
		String created = erp.post()
			.uri("/A_CustomerReturn")
			.header("x-csrf-token", fetched.getHeaders().getFirst("x-csrf-token"))
			.header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class);
		return JsonMapper.shared().readTree(created).path("d").path("CustomerReturn").asString();
	}
}
