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
 * Anything else is refused as Stripe refuses a query it cannot parse. A parsed query also names
 * its metadata clauses, so that the ledger can look the candidates up by index.
 */
final class SearchQuery {

	private static final Set<String> FIELDS = Set.of("status", "currency", "customer");

	private final String query;

	private int position;

	private SearchQuery(String query) {
		this.query = query;
	}

	/** A parsed query: every clause must hold. */
	record Search(List<Clause> clauses) implements Predicate<PaymentIntent> {

		Search {
			clauses = List.copyOf(clauses);
		}

		@Override
		public boolean test(PaymentIntent intent) {
			return clauses.stream().allMatch(c -> c.test(intent));
		}

		/** The {@code metadata['key']:'value'} clauses, which every match meets. */
		List<Clause> metadata() {
			return clauses.stream().filter(c -> c.metadataKey() != null).toList();
		}
	}

	/** One exact-match clause; {@code metadataKey} is null for the top-level fields. */
	record Clause(String field, String metadataKey, String value) implements Predicate<PaymentIntent> {

		@Override
		public boolean test(PaymentIntent intent) {
			if (metadataKey != null) {
				return value.equals(intent.metadata().get(metadataKey));
			}
			return switch (field) {
				case "status" -> value.equals(intent.status());
				case "currency" -> value.equals(intent.currency());
				default -> value.equals(intent.customer());
			};
		}
	}

	/** @throws StripeException 400 for a query outside the supported language */
	static Search parse(String query) {
		if (query == null || query.isBlank()) {
			throw StripeException.invalidParameter("parameter_missing", "query", "Missing required param: query.");
		}
		return new SearchQuery(query.strip()).clauses();
	}

	private Search clauses() {
		List<Clause> clauses = new ArrayList<>();
		clauses.add(clause());
		while (position < query.length()) {
			expect(" AND ");
			clauses.add(clause());
		}
		return new Search(clauses);
	}

	private Clause clause() {
		if (query.startsWith("metadata[", position)) {
			position += "metadata[".length();
			String key = quoted();
			expect("]:");
			return new Clause("metadata", key, quoted());
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
		return new Clause(field, null, quoted());
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
