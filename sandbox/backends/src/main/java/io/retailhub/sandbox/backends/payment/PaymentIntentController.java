package io.retailhub.sandbox.backends.payment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's PaymentIntents API, read side: retrieve, and search
 * ({@code query=metadata['order_id']:'WEB-100001'}), the way a hub finds an order's payment.
 */
@RestController
@RequestMapping("/payment/v1/payment_intents")
class PaymentIntentController {

	private static final String SEARCH_URL = "/v1/payment_intents/search";

	private static final Set<String> SEARCH_PARAMS = Set.of("query", "limit", "page", "expand[]");

	private final PaymentLedger ledger;

	PaymentIntentController(PaymentLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/{id}")
	Map<String, Object> retrieve(@PathVariable String id) {
		return ledger.intent(id)
			.orElseThrow(() -> StripeException.notFound("intent", "No such payment_intent: '" + id + "'"))
			.json();
	}

	/**
	 * Search results, newest first. {@code page} is the opaque cursor of the previous result's
	 * {@code next_page}.
	 */
	@GetMapping("/search")
	Map<String, Object> search(@RequestParam MultiValueMap<String, String> params) {
		StripeLists.requireKnown(params, SEARCH_PARAMS);
		List<PaymentIntent> found = ledger.intents(SearchQuery.parse(params.getFirst("query")));
		int limit = StripeLists.limit(params);
		int from = offset(StripeLists.param(params, "page"), found.size());
		int to = Math.min(found.size(), from + limit);
		Map<String, Object> result = new TreeMap<>();
		result.put("object", "search_result");
		result.put("data", found.subList(from, to).stream().map(PaymentIntent::json).toList());
		result.put("has_more", to < found.size());
		result.put("next_page", to < found.size() ? "page_" + to : null);
		result.put("url", SEARCH_URL);
		return result;
	}

	private static int offset(String page, int size) {
		if (page == null) {
			return 0;
		}
		try {
			if (page.startsWith("page_")) {
				int offset = Integer.parseInt(page.substring(5));
				if (offset >= 0 && offset <= size) {
					return offset;
				}
			}
		}
		catch (NumberFormatException ex) {
			// answered below, as for any cursor this API never issued
		}
		throw StripeException.invalidParameter(null, "page", "Invalid page: '" + page + "'");
	}
}
