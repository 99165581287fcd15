package io.retailhub.sandbox.backends.commerce;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.OrderResponse;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.OrdersResponse;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.ProductResponse;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.ProductsResponse;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.ReturnPolicyResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Shopify-like Admin REST API under {@code /commerce/admin/api/2025-04}: orders and products as
 * Shopify serves them, plus {@code return_policy.json}, which is the sandbox's own resource (real
 * Shopify keeps return rules in the admin and exposes no such REST resource). Every call needs the
 * {@code X-Shopify-Access-Token} header ({@link ShopifyAccessTokenFilter}).
 *
 * <p>Lists take Shopify's {@code limit} (1..250, default 50) and {@code since_id}; orders also
 * {@code name}, {@code ids} and {@code status} (open by default, as in Shopify; the demo orders are
 * all open, none closed or cancelled, so {@code any} and {@code open} see the same).
 */
@RestController
@RequestMapping("/commerce")
class ShopifyController {

	static final String API = "/admin/api/2025-04";

	private static final Set<String> ORDER_STATUSES = Set.of("open", "closed", "cancelled", "any");

	private static final int DEFAULT_LIMIT = 50;

	private static final int MAX_LIMIT = 250;

	private final ShopifyStore store;

	ShopifyController(ShopifyStore store) {
		this.store = store;
	}

	@GetMapping(API + "/orders.json")
	OrdersResponse orders(@RequestParam(required = false) String name, @RequestParam(required = false) String ids,
			@RequestParam(required = false) String status, @RequestParam(name = "since_id", required = false) String sinceId,
			@RequestParam(required = false) String limit) {
		String wanted = status == null ? "open" : status;
		if (!ORDER_STATUSES.contains(wanted)) {
			throw ShopifyApiException.badParameter("status", "must be one of open, closed, cancelled, any");
		}
		if (wanted.equals("closed") || wanted.equals("cancelled")) {
			return new OrdersResponse(List.of());
		}
		return new OrdersResponse(store.orders(name, ids(ids), sinceId(sinceId), limit(limit)));
	}

	@GetMapping(API + "/orders/{id}.json")
	OrderResponse order(@PathVariable String id) {
		return new OrderResponse(store.order(id(id)).orElseThrow(ShopifyApiException::notFound));
	}

	@GetMapping(API + "/products.json")
	ProductsResponse products(@RequestParam(required = false) String ids,
			@RequestParam(name = "since_id", required = false) String sinceId,
			@RequestParam(required = false) String limit) {
		return new ProductsResponse(store.products(ids(ids), sinceId(sinceId), limit(limit)));
	}

	@GetMapping(API + "/products/{id}.json")
	ProductResponse product(@PathVariable String id) {
		return new ProductResponse(store.product(id(id)).orElseThrow(ShopifyApiException::notFound));
	}

	@GetMapping(API + "/return_policy.json")
	ReturnPolicyResponse returnPolicy() {
		return new ReturnPolicyResponse(store.returnPolicy());
	}

	/** Shopify answers every unknown path (and unsupported API version) with a bare 404. */
	@RequestMapping("/**")
	void unknown() {
		throw ShopifyApiException.notFound();
	}

	/** A malformed ID cannot name anything: Shopify answers 404, not 400. */
	private static long id(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw ShopifyApiException.notFound();
		}
	}

	private static List<Long> ids(String ids) {
		if (ids == null) {
			return null;
		}
		List<Long> parsed = new ArrayList<>();
		for (String id : ids.split(",")) {
			try {
				parsed.add(Long.parseLong(id.strip()));
			}
			catch (NumberFormatException ex) {
				throw ShopifyApiException.badParameter("ids", "must be a comma-separated list of numeric IDs");
			}
		}
		if (parsed.size() > MAX_LIMIT) {
			throw ShopifyApiException.badParameter("ids", "must name at most " + MAX_LIMIT + " IDs");
		}
		return parsed;
	}

	private static long sinceId(String sinceId) {
		if (sinceId == null) {
			return 0;
		}
		try {
			return Long.parseLong(sinceId);
		}
		catch (NumberFormatException ex) {
			throw ShopifyApiException.badParameter("since_id", "must be a numeric ID");
		}
	}

	private static int limit(String limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below like an out-of-range number
		}
		throw ShopifyApiException.badParameter("limit", "must be between 1 and " + MAX_LIMIT);
	}
}
