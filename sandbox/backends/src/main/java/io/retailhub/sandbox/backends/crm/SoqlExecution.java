package io.retailhub.sandbox.backends.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.retailhub.sandbox.backends.crm.SoqlQuery.All;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Any;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Comparison;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Condition;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Literal;
import io.retailhub.sandbox.backends.crm.SoqlQuery.LiteralKind;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Not;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Operator;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Ordering;
import io.retailhub.sandbox.backends.crm.SoqlQuery.Selected;

/**
 * A SOQL query checked against the schema and ready to run: unknown objects and fields, literals
 * of the wrong type and filters on long text areas are refused here with the error codes
 * Salesforce uses ({@code INVALID_TYPE}, {@code INVALID_FIELD},
 * {@code INVALID_QUERY_FILTER_OPERATOR}). Text comparisons are case-insensitive, and
 * {@code field != 'x'} matches nulls, as in Salesforce. Compiled for one request and run once, under
 * the org's lock: an instance is never shared between threads.
 */
final class SoqlExecution {

	/** A field of the queried object, or of its parent reached through a lookup ({@code Contact.Email}). */
	private record FieldRef(Field lookup, SObjectType parentType, Field field) {

		Object valueOf(Map<String, Object> record, RecordSource source) {
			if (lookup == null) {
				return record.get(field.name());
			}
			Map<String, Object> parent = parent(record, source);
			return parent == null ? null : parent.get(field.name());
		}

		Map<String, Object> parent(Map<String, Object> record, RecordSource source) {
			Object parentId = record.get(lookup.name());
			return parentId == null ? null : source.byId(parentType, (String) parentId);
		}
	}

	private record Sort(FieldRef field, boolean descending, boolean nullsLast) {
	}

	/** {@code field = value} or {@code field IN (values)} with non-null values, on an Id or text field. */
	private record Equality(FieldRef field, List<String> values) {
	}

	private final String soql;

	private final SObjectType type;

	private final List<FieldRef> select = new ArrayList<>();

	private final List<Sort> orderBy = new ArrayList<>();

	private final Predicate<Map<String, Object>> where;

	/** Equalities every match meets: those under the WHERE clause's top-level AND. */
	private final List<Equality> required = new ArrayList<>();

	private final Integer limit;

	private final int offset;

	private RecordSource source;

	private SoqlExecution(SoqlQuery query, String soql) {
		this.soql = soql;
		this.type = SObjectType.named(query.object())
			.orElseThrow(() -> SalesforceException.badRequest("INVALID_TYPE", "sObject type '" + query.object()
					+ "' is not supported. If you are attempting to use a custom object, be sure to append the '__c' "
					+ "after the entity name. Please reference your WSDL or the describe call for the appropriate names."));
		Set<String> seen = new HashSet<>();
		for (Selected selected : query.fields()) {
			if (!seen.add(selected.path().toLowerCase(Locale.ROOT))) {
				throw SalesforceException.malformedQuery(
						SoqlParser.located(soql, selected.position(), "duplicate field selected: " + selected.path()));
			}
			select.add(resolve(selected));
		}
		this.where = query.where() == null ? record -> true : predicate(query.where());
		if (query.where() != null) {
			collectRequired(query.where());
		}
		for (Ordering ordering : query.orderBy()) {
			FieldRef field = resolve(ordering.field());
			if (!field.field().filterable()) {
				throw invalidField(ordering.field(), "field '" + field.field().name() + "' can not be sorted in a query call");
			}
			orderBy.add(new Sort(field, ordering.descending(), ordering.nullsLast()));
		}
		if (query.offset() != null && query.offset() > 2000) {
			throw SalesforceException.badRequest("NUMBER_OUTSIDE_VALID_RANGE",
					"Maximum SOQL offset allowed is 2000");
		}
		this.limit = query.limit();
		this.offset = query.offset() == null ? 0 : query.offset();
	}

	static SoqlExecution compile(String soql) {
		return new SoqlExecution(SoqlParser.parse(soql), soql);
	}

	SObjectType type() {
		return type;
	}

	/**
	 * Runs the query; {@code source} must not change meanwhile (the org calls this under its lock).
	 * When an equality under the top-level AND has an index, the WHERE clause runs on its
	 * candidates (those of the equality with the fewest) instead of every record, which gives the
	 * same records in the same order.
	 */
	List<Map<String, Object>> run(RecordSource source, String version) {
		this.source = source;
		try {
			List<Map<String, Object>> matches = new ArrayList<>();
			for (Map<String, Object> record : candidates()) {
				if (where.test(record)) {
					matches.add(record);
				}
			}
			if (!orderBy.isEmpty()) {
				matches.sort(comparator());
			}
			int from = Math.min(offset, matches.size());
			int to = limit == null ? matches.size() : Math.min(matches.size(), from + limit);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Map<String, Object> record : matches.subList(from, to)) {
				rows.add(project(record, version));
			}
			return rows;
		}
		finally {
			this.source = null;
		}
	}

	private Collection<Map<String, Object>> candidates() {
		List<Map<String, Object>> fewest = null;
		for (Equality equality : required) {
			Optional<List<Map<String, Object>>> found = candidates(equality);
			if (found.isPresent() && (fewest == null || found.get().size() < fewest.size())) {
				fewest = found.get();
				if (fewest.isEmpty()) {
					break;
				}
			}
		}
		return fewest == null ? source.all(type) : fewest;
	}

	/** A relationship equality ({@code Contact.Customer_Number__c = ...}) goes through the parents. */
	private Optional<List<Map<String, Object>>> candidates(Equality equality) {
		FieldRef ref = equality.field();
		if (ref.lookup() == null) {
			return source.candidates(type, ref.field(), equality.values());
		}
		return source.candidates(ref.parentType(), ref.field(), equality.values()).flatMap(parents -> {
			List<String> parentIds = parents.stream()
				.filter(parent -> matchesAny(ref.field(), parent.get(ref.field().name()), equality.values()))
				.map(parent -> (String) parent.get("Id"))
				.toList();
			return source.referencing(type, ref.lookup(), parentIds);
		});
	}

	private void collectRequired(Condition condition) {
		if (condition instanceof All all) {
			all.conditions().forEach(this::collectRequired);
			return;
		}
		if (!(condition instanceof Comparison comparison)
				|| (comparison.operator() != Operator.EQUALS && comparison.operator() != Operator.IN)
				|| comparison.values().stream().anyMatch(literal -> literal.kind() != LiteralKind.STRING)) {
			return;
		}
		FieldRef ref = resolve(comparison.field());
		if (ref.field().type().isId() || ref.field().type().isText()) {
			required.add(new Equality(ref, comparison.values().stream().map(Literal::text).toList()));
		}
	}

	private Map<String, Object> project(Map<String, Object> record, String version) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("attributes", Records.attributes(type, (String) record.get("Id"), version));
		for (FieldRef ref : select) {
			if (ref.lookup() == null) {
				row.put(ref.field().name(), Records.wire(record.get(ref.field().name())));
				continue;
			}
			String relationship = ref.lookup().relationshipName();
			Map<String, Object> parent = ref.parent(record, source);
			if (parent == null) {
				row.put(relationship, null);
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> nested = (Map<String, Object>) row.computeIfAbsent(relationship, r -> {
				Map<String, Object> created = new LinkedHashMap<>();
				created.put("attributes", Records.attributes(ref.parentType(), (String) parent.get("Id"), version));
				return created;
			});
			nested.put(ref.field().name(), Records.wire(parent.get(ref.field().name())));
		}
		return row;
	}

	private Comparator<Map<String, Object>> comparator() {
		Comparator<Map<String, Object>> comparator = null;
		for (Sort sort : orderBy) {
			Comparator<Object> values = (a, b) -> compareValues(a, b);
			if (sort.descending()) {
				values = values.reversed();
			}
			Comparator<Object> withNulls = sort.nullsLast() ? Comparator.nullsLast(values) : Comparator.nullsFirst(values);
			Comparator<Map<String, Object>> byField = Comparator.comparing(r -> sort.field().valueOf(r, source),
					withNulls);
			comparator = comparator == null ? byField : comparator.thenComparing(byField);
		}
		return comparator;
	}

	private static int compareValues(Object a, Object b) {
		if (a instanceof String sa && b instanceof String sb) {
			int ignoringCase = sa.compareToIgnoreCase(sb);
			return ignoringCase != 0 ? ignoringCase : sa.compareTo(sb);
		}
		if (a instanceof Instant ia && b instanceof Instant ib) {
			return ia.compareTo(ib);
		}
		if (a instanceof Boolean ba && b instanceof Boolean bb) {
			return ba.compareTo(bb);
		}
		return String.valueOf(a).compareTo(String.valueOf(b));
	}

	private FieldRef resolve(Selected selected) {
		String path = selected.path();
		int dot = path.indexOf('.');
		if (dot < 0) {
			Field field = type.field(path).orElseThrow(() -> noSuchColumn(selected, path, type));
			return new FieldRef(null, null, field);
		}
		String relationship = path.substring(0, dot);
		String name = path.substring(dot + 1);
		Field lookup = type.relationship(relationship)
			.orElseThrow(() -> invalidField(selected, "Didn't understand relationship '" + relationship
					+ "' in field path. If you are attempting to use a custom relationship, be sure to append the "
					+ "'__r' after the custom relationship name. Please reference your WSDL or the describe call for "
					+ "the appropriate names."));
		SObjectType parentType = SObjectType.named(lookup.referenceTo()).orElseThrow();
		Field field = parentType.field(name).orElseThrow(() -> noSuchColumn(selected, name, parentType));
		return new FieldRef(lookup, parentType, field);
	}

	private SalesforceException noSuchColumn(Selected selected, String name, SObjectType on) {
		return invalidField(selected, "No such column '" + name + "' on entity '" + on.apiName()
				+ "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field "
				+ "name. Please reference your WSDL or the describe call for the appropriate names.");
	}

	private SalesforceException invalidField(Selected selected, String reason) {
		return SalesforceException.badRequest("INVALID_FIELD", SoqlParser.located(soql, selected.position(), reason));
	}

	private SalesforceException invalidFilter(Selected selected, String reason) {
		return SalesforceException.badRequest("INVALID_QUERY_FILTER_OPERATOR",
				SoqlParser.located(soql, selected.position(), reason));
	}

	private Predicate<Map<String, Object>> predicate(Condition condition) {
		if (condition instanceof All all) {
			List<Predicate<Map<String, Object>>> parts = all.conditions().stream().map(this::predicate).toList();
			return record -> parts.stream().allMatch(p -> p.test(record));
		}
		if (condition instanceof Any any) {
			List<Predicate<Map<String, Object>>> parts = any.conditions().stream().map(this::predicate).toList();
			return record -> parts.stream().anyMatch(p -> p.test(record));
		}
		if (condition instanceof Not not) {
			return predicate(not.condition()).negate();
		}
		return comparison((Comparison) condition);
	}

	private Predicate<Map<String, Object>> comparison(Comparison comparison) {
		Selected selected = comparison.field();
		FieldRef ref = resolve(selected);
		Field field = ref.field();
		if (!field.filterable()) {
			throw invalidField(selected, "field '" + field.name() + "' can not be filtered in a query call");
		}
		List<Object> values = new ArrayList<>();
		for (Literal literal : comparison.values()) {
			values.add(typed(selected, field, literal));
		}
		Operator operator = comparison.operator();
		switch (operator) {
			case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> {
				if (field.type() == FieldType.BOOLEAN) {
					throw invalidFilter(selected, "invalid operator on boolean field");
				}
				if (values.get(0) == null) {
					throw invalidFilter(selected, "invalid operator on null value");
				}
			}
			case LIKE -> {
				if (!field.type().isText() || values.get(0) == null) {
					throw invalidFilter(selected, "invalid operator on " + describe(field.type()) + " field");
				}
			}
			default -> {
			}
		}
		Object first = values.get(0);
		Pattern like = operator == Operator.LIKE ? likePattern((String) first) : null;
		return record -> {
			Object value = ref.valueOf(record, source);
			return switch (operator) {
				case EQUALS -> matches(field, value, first);
				case NOT_EQUALS -> !matches(field, value, first);
				case IN -> values.stream().anyMatch(v -> matches(field, value, v));
				case NOT_IN -> values.stream().noneMatch(v -> matches(field, value, v));
				case LIKE -> value != null && like.matcher((String) value).matches();
				case LESS -> value != null && compareValues(value, first) < 0;
				case LESS_OR_EQUAL -> value != null && compareValues(value, first) <= 0;
				case GREATER -> value != null && compareValues(value, first) > 0;
				case GREATER_OR_EQUAL -> value != null && compareValues(value, first) >= 0;
			};
		};
	}

	private static boolean matchesAny(Field field, Object value, List<String> literals) {
		return literals.stream().anyMatch(literal -> matches(field, value, literal));
	}

	private static boolean matches(Field field, Object value, Object literal) {
		if (literal == null || value == null) {
			return literal == null && value == null;
		}
		if (field.type().isId()) {
			return Records.sameId((String) value, (String) literal);
		}
		if (field.type().isText()) {
			return ((String) value).equalsIgnoreCase((String) literal);
		}
		return value.equals(literal);
	}

	private Object typed(Selected selected, Field field, Literal literal) {
		if (literal.kind() == LiteralKind.NULL) {
			return null;
		}
		FieldType type = field.type();
		if (type.isId()) {
			if (literal.kind() != LiteralKind.STRING || !Records.isWellFormedId(literal.text())) {
				throw invalidFilter(selected, "invalid ID field: " + literal.text());
			}
			return literal.text();
		}
		if (type.isText()) {
			if (literal.kind() != LiteralKind.STRING) {
				throw invalidFilter(selected, "value of filter criterion for field '" + field.name()
						+ "' must be of type string and should be enclosed in quotes");
			}
			return literal.text();
		}
		if (type == FieldType.BOOLEAN) {
			if (literal.kind() != LiteralKind.BOOLEAN) {
				throw invalidFilter(selected, "value of filter criterion for field '" + field.name()
						+ "' must be of type boolean and should not be enclosed in quotes");
			}
			return Boolean.valueOf(literal.text());
		}
		if (literal.kind() != LiteralKind.DATETIME) {
			throw invalidFilter(selected, "value of filter criterion for field '" + field.name()
					+ "' must be of type dateTime and should not be enclosed in quotes");
		}
		return SalesforceDates.parseLiteral(literal.text())
			.orElseThrow(() -> invalidFilter(selected, "invalid dateTime literal: " + literal.text()));
	}

	private static String describe(FieldType type) {
		return switch (type) {
			case ID, REFERENCE -> "id";
			case BOOLEAN -> "boolean";
			case DATETIME -> "dateTime";
			default -> "string";
		};
	}

	/** SOQL LIKE: {@code %} any run, {@code _} one character, {@code \%} and {@code \_} literal; case-insensitive. */
	private static Pattern likePattern(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '%' || pattern.charAt(i + 1) == '_')) {
				regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
			}
			else if (c == '%') {
				regex.append(".*");
			}
			else if (c == '_') {
				regex.append('.');
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
	}
}
