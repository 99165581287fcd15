package io.retailhub.sandbox.backends.payment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.util.MultiValueMap;

/**
 * Stripe's list conventions: {@code limit} 1..100 (default 10), cursors {@code starting_after} and
 * {@code ending_before} (object IDs, mutually exclusive), envelope
 * {@code {"object":"list","data":[...],"has_more":..,"url":..}}; unknown parameters are refused.
 */
final class StripeLists {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 100;

	private StripeLists() {
	}

	static void requireKnown(MultiValueMap<String, String> params, Set<String> known) {
		for (String name : params.keySet()) {
			if (!known.contains(name)) {
				throw StripeException.invalidParameter("parameter_unknown", name, "Received unknown parameter: " + name);
			}
		}
	}

	static String param(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null || value.isEmpty() ? null : value;
	}

	static int limit(MultiValueMap<String, String> params) {
		String raw = param(params, "limit");
		if (raw == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(raw);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, as for an out-of-range number
		}
		throw StripeException.invalidParameter("parameter_invalid_integer", "limit",
				"Invalid limit: must be an integer between 1 and " + MAX_LIMIT);
	}

	/** One page of an already sorted list, cut by the request's cursors and limit. */
	static <T> Map<String, Object> page(List<T> all, Function<T, String> id, Function<T, Map<String, Object>> json,
			MultiValueMap<String, String> params, String url, String what) {
		int limit = limit(params);
		String startingAfter = param(params, "starting_after");
		String endingBefore = param(params, "ending_before");
		if (startingAfter != null && endingBefore != null) {
			throw StripeException.invalidParameter(null, "ending_before",
					"You may only specify one of these parameters: starting_after, ending_before.");
		}
		int from = 0;
		int to = all.size();
		if (startingAfter != null) {
			from = indexOf(all, id, startingAfter, "starting_after", what) + 1;
			to = Math.min(all.size(), from + limit);
		}
		else if (endingBefore != null) {
			to = indexOf(all, id, endingBefore, "ending_before", what);
			from = Math.max(0, to - limit);
		}
		else {
			to = Math.min(all.size(), limit);
		}
		boolean hasMore = endingBefore != null ? from > 0 : to < all.size();
		Map<String, Object> envelope = new TreeMap<>();
		envelope.put("object", "list");
		envelope.put("data", all.subList(from, to).stream().map(json).toList());
		envelope.put("has_more", hasMore);
		envelope.put("url", url);
		return envelope;
	}

	private static <T> int indexOf(List<T> all, Function<T, String> id, String cursor, String param, String what) {
		for (int i = 0; i < all.size(); i++) {
			if (id.apply(all.get(i)).equals(cursor)) {
				return i;
			}
		}
		throw StripeException.invalidParameter("resource_missing", param, "No such " + what + ": '" + cursor + "'");
	}
}
