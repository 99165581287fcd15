package io.retailhub.sandbox.backends.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.retailhub.sandbox.backends.data.DemoOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes to and reads from each simulated backend over HTTP, in its own dialect and with the local
 * default credentials, as the hub would: enough to create a document in each and find it again.
 */
final class SandboxClient {

	static final String RETURNS = "/erp/sap/opu/odata/sap/API_CUSTOMER_RETURN_SRV";

	static final String CREDIT_MEMOS = "/erp/sap/opu/odata/sap/API_CREDIT_MEMO_REQUEST_SRV";

	static final String SALES_ORDERS = "/erp/sap/opu/odata/sap/API_SALES_ORDER_SRV";

	static final String CRM = "/crm/services/data/v60.0";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String crmToken;

	SandboxClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** One answer: status, body and headers. */
	record Answer(int status, String body, Map<String, List<String>> headers) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(h -> h.getKey().equalsIgnoreCase(name))
				.flatMap(h -> h.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		Answer expect(int expected) {
			assertThat(status).as(body).isEqualTo(expected);
			return this;
		}
	}

	Answer send(String method, String path, Map<String, String> headers, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Answer get(String path, Map<String, String> headers) {
		return send("GET", path, headers, null);
	}

	// ERP (SAP OData v2): Basic logon, and a CSRF token with its session cookie for every write

	Answer erpGet(String path) {
		return get(path, Map.of("Authorization", basic(), "Accept", "application/json"));
	}

	Answer erpWrite(String method, String path, Map<String, String> extraHeaders, String body) {
		Answer fetched = get(RETURNS + "/", Map.of("Authorization", basic(), "x-csrf-token", "Fetch"));
		String cookie = fetched.header("Set-Cookie");
		Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", basic(), "Accept",
				"application/json", "Content-Type", "application/json", "x-csrf-token", fetched.header("x-csrf-token"),
				"Cookie", cookie.substring(0, cookie.indexOf(';'))));
		headers.putAll(extraHeaders);
		return send(method, path, headers, body);
	}

	/** A customer return of {@code units} of the order's line 10, referencing the sales order: its RMA number. */
	String createCustomerReturn(DemoOrder order, int units) {
		String body = """
				{"CustomerReturnType":"CBRE","SoldToParty":"%s","PurchaseOrderByCustomer":"STATE-%s","SDDocumentReason":"005",
				 "ReferenceSDDocument":"%s","to_Item":{"results":[{"RequestedQuantity":"%d","RequestedQuantityUnit":"PC",
				 "ReferenceSDDocumentItem":"10","ReturnReason":"109"}]}}"""
			.formatted(order.customerNumber(), order.orderNumber(), order.salesOrder(), units);
		return erpWrite("POST", RETURNS + "/A_CustomerReturn", Map.of(), body).expect(201)
			.json()
			.path("d")
			.path("CustomerReturn")
			.asString();
	}

	/** A credit memo request of {@code units} of the order's line 10: its number. */
	String createCreditMemoRequest(DemoOrder order, int units) {
		String body = """
				{"CreditMemoRequestType":"GA2","SoldToParty":"%s","PurchaseOrderByCustomer":"STATE-%s",
				 "SDDocumentReason":"009","ReferenceSDDocument":"%s",
				 "to_Item":{"results":[{"RequestedQuantity":"%d","ReferenceSDDocumentItem":"10"}]}}"""
			.formatted(order.customerNumber(), order.orderNumber(), order.salesOrder(), units);
		return erpWrite("POST", CREDIT_MEMOS + "/A_CreditMemoRequest", Map.of(), body).expect(201)
			.json()
			.path("d")
			.path("CreditMemoRequest")
			.asString();
	}

	/** Rejects item 10 of a customer return, under the return's ETag, as the hub does for a canceled return. */
	void rejectCustomerReturnItem(String rma) {
		String etag = erpGet(RETURNS + "/A_CustomerReturn('" + rma + "')").expect(200).header("ETag");
		erpWrite("POST", RETURNS + "/A_CustomerReturnItem(CustomerReturn='" + rma + "',CustomerReturnItem='10')",
				Map.of("X-HTTP-Method", "MERGE", "If-Match", etag), "{\"SalesDocumentRjcnReason\":\"Z1\"}")
			.expect(204);
	}

	/** The customer return with its items, or the answer's status when ERP has none. */
	Answer customerReturn(String rma) {
		return erpGet(RETURNS + "/A_CustomerReturn('" + rma + "')?$expand=to_Item");
	}

	Answer creditMemoRequest(String number) {
		return erpGet(CREDIT_MEMOS + "/A_CreditMemoRequest('" + number + "')");
	}

	Answer salesOrder(String salesOrder) {
		return erpGet(SALES_ORDERS + "/A_SalesOrder('" + salesOrder + "')");
	}

	/** Places an ERP sales order through the admin API; the answer carries its document number. */
	Answer placeSalesOrder(String orderNumber) {
		return send("POST", "/admin/erp/sales-orders", Map.of("Content-Type", "application/json"), """
				{"orderNumber":"%s","customerNumber":"17100001","lines":[{"sku":"MAT-1001","quantity":1}]}"""
			.formatted(orderNumber));
	}

	// CRM (Salesforce REST): a client-credentials token

	Answer crm(String method, String path, String body) {
		if (crmToken == null) {
			crmToken = send("POST", "/crm/services/oauth2/token",
					Map.of("Content-Type", "application/x-www-form-urlencoded"),
					"grant_type=client_credentials&client_id=retail-hub&client_secret=sandbox-crm-secret")
				.expect(200)
				.json()
				.path("access_token")
				.asString();
		}
		return send(method, CRM + path,
				Map.of("Authorization", "Bearer " + crmToken, "Content-Type", "application/json"), body);
	}

	/** Creates or updates the case with this external ID, as the hub does for a return. */
	Answer upsertCase(String externalId, String contactId) {
		return crm("PATCH", "/sobjects/Case/External_Id__c/" + externalId, """
				{"Subject":"Return %s","ContactId":"%s","Origin":"Web"}""".formatted(externalId, contactId));
	}

	/** A comment on a case: its ID. */
	String comment(String caseId, String text) {
		return crm("POST", "/sobjects/CaseComment", """
				{"ParentId":"%s","CommentBody":"%s"}""".formatted(caseId, text)).expect(201).json().path("id").asString();
	}

	// Payment (Stripe): form-encoded, the secret key as bearer

	Answer refund(String idempotencyKey, String paymentIntent, long amount) {
		return send("POST", "/payment/v1/refunds",
				Map.of("Authorization", "Bearer sk_test_sandbox", "Content-Type", "application/x-www-form-urlencoded",
						"Idempotency-Key", idempotencyKey),
				form(Map.of("payment_intent", paymentIntent, "amount", Long.toString(amount))));
	}

	Answer payment(String path) {
		return get("/payment/v1" + path, Map.of("Authorization", "Bearer sk_test_sandbox"));
	}

	// Warehouse (WMS): an API key; parcels arrive through the admin API

	Answer receive(String rma) {
		return send("POST", "/admin/warehouse/rmas/" + rma + "/receive", Map.of(), null);
	}

	Answer warehouse(String path) {
		return get("/warehouse/api/v1" + path, Map.of("X-Api-Key", "sandbox-wms-key"));
	}

	void subscribeWebhooks(String url) {
		send("PUT", "/admin/warehouse/webhooks", Map.of("Content-Type", "application/json"),
				"{\"url\":\"" + url + "\"}")
			.expect(200);
	}

	JsonNode webhookDeliveries() {
		return get("/admin/warehouse/webhooks/deliveries", Map.of()).expect(200).json();
	}

	JsonNode state() {
		return get("/admin/state", Map.of()).expect(200).json();
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString("HUB_COMM_USER:sandbox-erp-secret".getBytes(StandardCharsets.UTF_8));
	}

	private static String form(Map<String, String> fields) {
		List<String> pairs = new ArrayList<>();
		fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return pairs.stream().collect(Collectors.joining("&"));
	}
}
