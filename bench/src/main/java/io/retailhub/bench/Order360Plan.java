package io.retailhub.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.retailhub.sandbox.backends.faults.Backend;

/**
 * The order 360's calls below experience-api, as {@code AgentViews.order360} makes them: each
 * panel's calls one after the other, the panels at once; profile and eligibility start when the
 * order panel has its data, eligibility also waits for the returns panel. Within one call the
 * system API asks its backends one after the other (an order with its shipments is ERP, then the
 * WMS).
 *
 * <p>With the backend requests each call makes (counted at the sandbox), this gives what an order
 * 360 would cost if every backend request waited for the one before ({@link #sum}), and what it
 * costs when the panels are fetched in parallel: the longest route ({@link #criticalPath}).
 */
final class Order360Plan {

	/** The backends the system API reads for an order 360 (the sandbox simulates a carrier too; no panel reads it yet). */
	static final List<Backend> BACKENDS = List.of(Backend.ERP, Backend.CRM, Backend.PAYMENT, Backend.WAREHOUSE,
			Backend.COMMERCE);

	/** One call experience-api makes for an order 360 (each made once, the order read shared). */
	enum Call {

		/** {@code GET /api/system/v1/orders/{id}?include=lines}: the order panel, and what profile and eligibility need. */
		ORDER("system-api GET /orders/{id}?include=lines"),

		/** {@code GET /orders/{id}/shipments}: the shipments panel, from the warehouse alone. */
		ORDER_SHIPMENTS("system-api GET /orders/{id}/shipments"),

		/** {@code GET /orders/{id}/payment}: the payment panel's payment, from the provider alone. */
		ORDER_PAYMENT("system-api GET /orders/{id}/payment"),

		/** The payment panel's refunds, after its payment. */
		REFUNDS("system-api GET /refunds?orderId="),

		/** The returns panel. */
		RETURNS("process-api GET /returns?orderId="),

		/** The cases panel. */
		CASES("system-api GET /cases?orderId="),

		/** The profile panel, after the order. */
		CUSTOMER("system-api GET /customers/{id}"),

		/** The eligibility panel, after the order and the returns. */
		EVALUATION("system-api POST /return-policy/evaluations");

		private final String description;

		Call(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	/** One way through the order 360: calls that wait for each other, the panel it ends in. */
	record Route(String panel, List<Call> calls) {
	}

	static final List<Route> ROUTES = List.of(new Route("order", List.of(Call.ORDER)),
			new Route("shipments", List.of(Call.ORDER_SHIPMENTS)),
			new Route("payment", List.of(Call.ORDER_PAYMENT, Call.REFUNDS)),
			new Route("returns", List.of(Call.RETURNS)), new Route("cases", List.of(Call.CASES)),
			new Route("profile", List.of(Call.ORDER, Call.CUSTOMER)),
			new Route("eligibility", List.of(Call.ORDER, Call.EVALUATION)),
			new Route("eligibility", List.of(Call.RETURNS, Call.EVALUATION)));

	/** Backend requests per call: by call, then by backend ({@code erp}, ...). */
	private final Map<Call, Map<String, Double>> requests;

	Order360Plan(Map<Call, Map<String, Double>> requests) {
		this.requests = new EnumMap<>(Call.class);
		this.requests.putAll(requests);
	}

	/** The backend requests of one call, by backend. */
	Map<String, Double> requests(Call call) {
		return this.requests.getOrDefault(call, Map.of());
	}

	/** Every backend request of an order 360, counted once: what it would wait if they ran one after the other. */
	double sum() {
		double sum = 0;
		for (Call call : Call.values()) {
			sum += hops(call, backend -> true);
		}
		return sum;
	}

	/** The route with the most backend requests in a row: what a latency at every backend is paid for. */
	Path criticalPath() {
		return longest(backend -> true);
	}

	/** The route with the most requests in a row to this one backend: what a latency there is paid for. */
	Path criticalPath(String backend) {
		return longest(backend::equals);
	}

	/** A route and its backend requests in a row. */
	record Path(Route route, double hops) {
	}

	private Path longest(Predicate<String> backends) {
		Path longest = null;
		for (Route route : ROUTES) {
			double hops = route.calls().stream().mapToDouble(call -> hops(call, backends)).sum();
			if (longest == null || hops > longest.hops()) {
				longest = new Path(route, hops);
			}
		}
		return longest;
	}

	private double hops(Call call, Predicate<String> backends) {
		return requests(call).entrySet()
			.stream()
			.filter(e -> backends.test(e.getKey()))
			.mapToDouble(Map.Entry::getValue)
			.sum();
	}

}
