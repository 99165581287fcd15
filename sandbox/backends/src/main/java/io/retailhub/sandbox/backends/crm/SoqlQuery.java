package io.retailhub.sandbox.backends.crm;

import java.util.List;

/**
 * A parsed SOQL statement of the subset the sandbox understands (see {@link SoqlParser}). Object
 * and field names are kept as written; {@link SoqlExecution} resolves them against the schema.
 */
record SoqlQuery(String object, List<Selected> fields, Condition where, List<Ordering> orderBy, Integer limit,
		Integer offset) {

	SoqlQuery {
		fields = List.copyOf(fields);
		orderBy = List.copyOf(orderBy);
	}

	/** A field as written, with the position of its first character for error messages. */
	record Selected(String path, int position) {
	}

	sealed interface Condition permits All, Any, Not, Comparison {
	}

	/** Conditions joined by AND. */
	record All(List<Condition> conditions) implements Condition {
	}

	/** Conditions joined by OR. */
	record Any(List<Condition> conditions) implements Condition {
	}

	record Not(Condition condition) implements Condition {
	}

	record Comparison(Selected field, Operator operator, List<Literal> values) implements Condition {
	}

	enum Operator {
		EQUALS, NOT_EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, LIKE, IN, NOT_IN
	}

	enum LiteralKind {
		STRING, BOOLEAN, NULL, NUMBER, DATETIME
	}

	/** A literal as written: strings are unescaped, everything else keeps its text. */
	record Literal(LiteralKind kind, String text) {
	}

	record Ordering(Selected field, boolean descending, boolean nullsLast) {
	}
}
