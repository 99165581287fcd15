package io.retailhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;

import org.springframework.core.env.Environment;

/**
 * A backend's own latency, without the hub: the read the system API makes of it for an order 360
 * panel, sent straight to the sandbox with the system API's own base URL and credentials (taken
 * from its environment), timed like an order 360 request (sent to whole answer read).
 *
 * <ul>
 * <li>ERP: the sales order by the hub's order number with its items and prices (the order panel);</li>
 * <li>CRM: the contact by customer number (the profile panel), with an access token from the
 * CRM's own token endpoint fetched first;</li>
 * <li>payment: the PaymentIntent search by order number (the payment panel);</li>
 * <li>warehouse: the order's shipments (the shipments panel);</li>
 * <li>commerce: the order by name (the eligibility panel's policy evaluation).</li>
 * </ul>
 */
final class BackendProbe {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final Environment system;

	private final List<DemoOrder> orders;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/**
	 * @param system the system API's environment: where each backend is and how it signs in
	 * @param orders the orders to read, in turn
	 */
	BackendProbe(Environment system, List<DemoOrder> orders) {
		this.system = system;
		this.orders = List.copyOf(orders);
	}

	/** Reads {@code requests} times from the backend, one at a time; fails on an answer other than 200. */
	Latencies measure(Backend backend, int requests) throws InterruptedException {
		Latencies latencies = new Latencies();
		String crmToken = backend == Backend.CRM ? crmToken() : null;
		for (int i = 0; i < requests; i++) {
			DemoOrder order = this.orders.get(i % this.orders.size());
			HttpRequest request = request(backend, order, crmToken);
			long sent = System.nanoTime();
			HttpResponse<String> response = send(request);
			Duration latency = Diagnostics.since(sent);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(backend.id() + " answered " + response.statusCode() + " to "
						+ request.uri() + ": " + response.body());
			}
			latencies.record(latency);
		}
		return latencies;
	}

	private HttpRequest request(Backend backend, DemoOrder order, String crmToken) {
		String base = property(backend, "base-url", null);
		HttpRequest.Builder request = switch (backend) {
			case ERP -> HttpRequest
				.newBuilder(URI.create(base + "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?$filter="
						+ encode("PurchaseOrderByCustomer eq '" + order.orderNumber() + "'")
						+ "&$expand=" + encode("to_Item,to_Item/to_PricingElement")))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((property(backend, "username", null) + ":" + property(backend, "password", null))
						.getBytes(StandardCharsets.UTF_8)));
			case CRM -> HttpRequest
				.newBuilder(URI.create(base + "/services/data/" + property(backend, "api-version", "v60.0")
						+ "/sobjects/Contact/Customer_Number__c/" + encode(order.customerNumber())))
				.header("Authorization", "Bearer " + crmToken);
			case PAYMENT -> HttpRequest
				.newBuilder(URI.create(base + "/v1/payment_intents/search?query="
						+ encode("metadata['order_id']:'" + order.orderNumber() + "'") + "&limit=10"))
				.header("Authorization", "Bearer " + property(backend, "secret-key", null));
			case WAREHOUSE -> HttpRequest
				.newBuilder(URI.create(base + "/api/v1/shipments?order_number=" + encode(order.orderNumber())
						+ "&limit=100"))
				.header("X-Api-Key", property(backend, "api-key", null));
			case COMMERCE -> HttpRequest
				.newBuilder(URI.create(base + "/admin/api/" + property(backend, "api-version", "2025-04")
						+ "/orders.json?name=" + encode(order.orderNumber()) + "&status=any"))
				.header("X-Shopify-Access-Token", property(backend, "access-token", null));
			case CARRIER -> throw new IllegalArgumentException("the system API does not call the carrier yet");
		};
		return request.header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build();
	}

	/** An access token of the CRM, for the system API's connected app (client credentials). */
	private String crmToken() throws InterruptedException {
		String form = "grant_type=client_credentials&client_id=" + encode(property(Backend.CRM, "client-id", null))
				+ "&client_secret=" + encode(property(Backend.CRM, "client-secret", null));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(property(Backend.CRM, "base-url", null) + "/services/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = send(request);
		Matcher token = ACCESS_TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("the CRM gave no token: " + response.statusCode() + " " + response.body());
		}
		return token.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("no answer from " + request.uri(), ex);
		}
	}

	private String property(Backend backend, String name, String fallback) {
		String key = "retailhub.backends." + backend.id() + "." + name;
		String value = this.system.getProperty(key, fallback == null ? "" : fallback);
		if (value.isEmpty()) {
			throw new IllegalStateException("the system API has no " + key);
		}
		return value;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
