package io.retailhub.sandbox.backends.erp;

import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoOrder;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The simulated ERP as an SAP OData client meets it over HTTP: Basic logon as the communication
 * user, JSON answers, and the CSRF handshake (a token fetched with its session cookie) that every
 * write needs.
 */
final class ErpOData {

	private ErpOData() {
	}

	/** A client logged on as the communication user, asking for JSON. */
	static RestTestClient client(int port, SandboxCredentials credentials) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(h -> h.setBasicAuth(credentials.erpUsername(), credentials.erpPassword()))
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	/**
	 * A CSRF token and the session it belongs to.
	 *
	 * @param token the {@code x-csrf-token} a write sends back
	 * @param setCookie the session cookie as the fetch set it, attributes included
	 */
	record Csrf(String token, String setCookie) {

		/** The session cookie as a write sends it back: name and value only. */
		String cookie() {
			return setCookie.substring(0, setCookie.indexOf(';'));
		}
	}

	/** Fetches a CSRF token from a service's root, the way SAP clients do before writing. */
	static Csrf fetchToken(RestTestClient erp, String service) {
		HttpHeaders headers = erp.get()
			.uri(service + "/")
			.header("x-csrf-token", "Fetch")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders();
		return new Csrf(headers.getFirst("x-csrf-token"), headers.getFirst(HttpHeaders.SET_COOKIE));
	}

	/** POSTs a JSON body with the token and its session cookie, as a write must be sent. */
	static RestTestClient.ResponseSpec post(RestTestClient erp, Csrf csrf, String uri, String body) {
		return erp.post()
			.uri(uri)
			.header("x-csrf-token", csrf.token())
			.header(HttpHeaders.COOKIE, csrf.cookie())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	/**
	 * A customer return (type CBRE, order reason 005 "no longer wanted", return reason 109) of
	 * {@code quantity} units of one item of the order, referencing the sales order.
	 */
	static String customerReturn(DemoOrder order, String item, int quantity, String reference) {
		return """
				{"CustomerReturnType":"CBRE","SoldToParty":"%s","PurchaseOrderByCustomer":"%s","SDDocumentReason":"005",
				 "ReferenceSDDocument":"%s","to_Item":{"results":[{"RequestedQuantity":"%d","RequestedQuantityUnit":"PC",
				 "ReferenceSDDocument":"%s","ReferenceSDDocumentItem":"%s","ReturnReason":"109"}]}}"""
			.formatted(order.customerNumber(), reference, order.salesOrder(), quantity, order.salesOrder(), item);
	}
}
