package io.retailhub.sandbox.backends.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of Stripe's search query language (https://docs.stripe.com/search#search-query-language)
 * the sandbox understands for PaymentIntents: exact-match clauses {@code field:'value'} on
 * {@code metadata['key']}, {@code status}, {@code currency} and {@code customer}, joined by
 * {@code AND}. Values are quoted with single or double quotes; a backslash escapes a quote.
 * Anything else is refused as Stripe refuses a query it cannot parse.
 */
final class SearchQuery {

	private static final Set<String> FIELDS = Set.of("status", "currency", "customer");

	private final String query;

	private int position;

	private SearchQuery(String query) {
		this.query = query;
	}

	/** @throws StripeException 400 for a query outside the supported language */
	static Predicate<PaymentIntent> parse(String query) {
		if (query == null || query.isBlank()) {
			throw StripeException.invalidParameter("parameter_missing", "query", "Missing required param: query.");
		}
		return new SearchQuery(query.strip()).clauses();
	}

	private Predicate<PaymentIntent> clauses() {
		List<Predicate<PaymentIntent>> clauses = new ArrayList<>();
		clauses.add(clause());
		while (position < query.length()) {
			expect(" AND ");
			clauses.add(clause());
		}
		return intent -> clauses.stream().allMatch(c -> c.test(intent));
	}

	private Predicate<PaymentIntent> clause() {
		if (query.startsWith("metadata[", position)) {
			position += "metadata[".length();
			String key = quoted();
			expect("]:");
			String value = quoted();
			return intent -> value.equals(intent.metadata().get(key));
		}
		int colon = query.indexOf(':', position);
		if (colon < 0) {
			throw invalid("expected field:'value' at position " + position);
		}
		String field = query.substring(position, colon);
		if (!FIELDS.contains(field)) {
			throw invalid("the field '" + field + "' is not supported; use metadata['key'], status, currency or customer "
					+ "with an exact match (:)");
		}
		position = colon + 1;
		String value = quoted();
		return switch (field) {
			case "status" -> intent -> value.equals(intent.status());
			case "currency" -> intent -> value.equals(intent.currency());
			default -> intent -> value.equals(intent.customer());
		};
	}

	private String quoted() {
		if (position >= query.length() || (query.charAt(position) != '\'' && query.charAt(position) != '"')) {
			throw invalid("expected a quoted value at position " + position);
		}
		char quote = query.charAt(position++);
		StringBuilder value = new StringBuilder();
		while (position < query.length()) {
			char c = query.charAt(position++);
			if (c == '\\' && position < query.length()) {
				value.append(query.charAt(position++));
			}
			else if (c == quote) {
				return value.toString();
			}
			else {
				value.append(c);
			}
		}
		throw invalid("unterminated quoted value");
	}

	private void expect(String token) {
		if (!query.startsWith(token, position)) {
			throw invalid("expected '" + token.strip() + "' at position " + position);
		}
		position += token.length();
	}

	private StripeException invalid(String problem) {
		return StripeException.invalidParameter(null, "query", "Invalid search query: " + problem + ".");
	}
}
