package io.retailhub.system.erp;

import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.support.Sandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The simulated ERP's documents as its OData API shows them, read (and, for documents entered in
 * ERP by hand, written) over HTTP as the communication user: what the tests count and compare
 * the adapter's answers against.
 */
final class ErpDocuments {

	static final String CUSTOMER_RETURN_SRV = "API_CUSTOMER_RETURN_SRV";

	static final String CREDIT_MEMO_REQUEST_SRV = "API_CREDIT_MEMO_REQUEST_SRV";

	private ErpDocuments() {
	}

	/** A customer return with its items, {@code d} of the answer. */
	static JsonNode customerReturn(String number) {
		return get(CUSTOMER_RETURN_SRV, "/A_CustomerReturn('" + number + "')?$expand=to_Item");
	}

	/** A credit memo request with its items and their pricing elements, {@code d} of the answer. */
	static JsonNode creditMemoRequest(String number) {
		return get(CREDIT_MEMO_REQUEST_SRV, "/A_CreditMemoRequest('" + number + "')?$expand=to_Item/to_PricingElement");
	}

	/** Creates a document by deep insert, as someone entering it in ERP would; answers its {@code d}. */
	static JsonNode create(String service, String entitySet, String body) {
		ResponseEntity<Void> fetched = client(service).get()
			.uri("/")
			.header("x-csrf-token", "Fetch")
			.retrieve()
			.toBodilessEntity();
		String cookie = fetched.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
		String created = client(service).post()
			.uri("/" + entitySet)
			.header("x-csrf-token", fetched.getHeaders().getFirst("x-csrf-token"))
			.header(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class);
		return JsonMapper.shared().readTree(created).path("d");
	}

	private static JsonNode get(String service, String path) {
		return JsonMapper.shared().readTree(client(service).get().uri(path).retrieve().body(String.class)).path("d");
	}

	private static RestClient client(String service) {
		SandboxCredentials credentials = Sandbox.bean(SandboxCredentials.class);
		return RestClient.builder()
			.baseUrl(Sandbox.baseUrl(Backend.ERP) + "/sap/opu/odata/sap/" + service)
			.defaultHeaders(h -> h.setBasicAuth(credentials.erpUsername(), credentials.erpPassword()))
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}
}
