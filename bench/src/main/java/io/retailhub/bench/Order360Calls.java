package io.retailhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.retailhub.bench.Order360Plan.Call;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.commands.EvaluateReturnPolicy;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.identity.DemoTokens;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the order 360's calls below experience-api one by one, as experience-api makes them but
 * with the service token, and counts the backend requests each one costs at the sandbox
 * ({@code GET /admin/requests}, counted before faults): the figures {@link Order360Plan} needs.
 */
final class Order360Calls {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String systemApiUrl;

	private final String processApiUrl;

	private final String sandboxUrl;

	private final DemoTokens tokens;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	Order360Calls(BenchHub hub) {
		this.systemApiUrl = hub.systemApiUrl() + "/api/system/v1";
		this.processApiUrl = hub.processApiUrl() + "/api/process/v1";
		this.sandboxUrl = hub.sandboxUrl();
		this.tokens = DemoTokens.of(hub.issuerUrl());
	}

	/**
	 * The backend requests each call makes: each call made once for each of the orders (the sandbox
	 * counts them all), the count divided by the orders.
	 */
	Order360Plan plan(List<DemoOrder> orders) throws InterruptedException {
		Map<Call, Map<String, Double>> requests = new LinkedHashMap<>();
		for (Call call : Call.values()) {
			Map<String, Long> before = backendRequests();
			for (DemoOrder order : orders) {
				make(call, order);
			}
			Map<String, Double> perCall = new TreeMap<>();
			delta(before, backendRequests()).forEach((backend, count) -> {
				if (count > 0) {
					perCall.put(backend, count / (double) orders.size());
				}
			});
			requests.put(call, perCall);
		}
		return new Order360Plan(requests);
	}

	/** Requests received so far by backend ({@code erp}, ...), all methods together. */
	Map<String, Long> backendRequests() throws InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.sandboxUrl + "/admin/requests"))
			.GET()
			.build());
		Map<String, Long> byKey = JSON.readValue(response.body(), new TypeReference<Map<String, Long>>() {
		});
		Map<String, Long> byBackend = new TreeMap<>();
		// keys are "backend METHOD"
		byKey.forEach((key, count) -> byBackend.merge(key.substring(0, key.indexOf(' ')), count, Long::sum));
		return byBackend;
	}

	static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new TreeMap<>();
		after.forEach((key, count) -> delta.put(key, count - before.getOrDefault(key, 0L)));
		return delta;
	}

	private void make(Call call, DemoOrder order) throws InterruptedException {
		String id = order.orderNumber();
		HttpRequest.Builder request = switch (call) {
			case ORDER -> get(this.systemApiUrl + "/orders/" + id + "?include=lines");
			case ORDER_SHIPMENTS -> get(this.systemApiUrl + "/orders/" + id + "/shipments");
			case ORDER_PAYMENT -> get(this.systemApiUrl + "/orders/" + id + "/payment");
			case REFUNDS -> get(this.systemApiUrl + "/refunds?orderId=" + id);
			case RETURNS -> get(this.processApiUrl + "/returns?orderId=" + id + "&limit=100");
			case CASES -> get(this.systemApiUrl + "/cases?orderId=" + id);
			case CUSTOMER -> get(this.systemApiUrl + "/customers/" + order.customerNumber());
			case EVALUATION -> HttpRequest.newBuilder(URI.create(this.systemApiUrl + "/return-policy/evaluations"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(evaluation(order))));
		};
		HttpRequest built = request.header("Authorization", this.tokens.serviceAuthorization())
			.header("Accept", "application/json")
			.build();
		HttpResponse<String> response = send(built);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(call.description() + " for " + id + " answered " + response.statusCode()
					+ ": " + response.body());
		}
	}

	/** What the eligibility panel asks for an order no return holds units of: every line, in full. */
	private static EvaluateReturnPolicy evaluation(DemoOrder order) {
		return new EvaluateReturnPolicy(OrderId.of(order.orderNumber()),
				order.lines()
					.stream()
					.map(line -> new ReturnLineRequest(line.itemNumber(), line.quantity(), ReturnReason.OTHER))
					.toList());
	}

	private static HttpRequest.Builder get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).GET();
	}

	private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("no answer from " + request.uri(), ex);
		}
	}

}
