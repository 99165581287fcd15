package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.Property;

/**
 * Parses the {@code $filter} subset the sandbox understands: comparisons of a property with a
 * literal ({@code eq ne gt ge lt le}), combined with {@code and}, {@code or}, {@code not} and
 * parentheses. Literals follow OData V2: {@code 'text'} (quotes doubled inside),
 * {@code datetime'2024-05-01T00:00:00'}, {@code datetimeoffset'2024-05-01T00:00:00Z'},
 * {@code 100M}, {@code true}, {@code null}. Functions ({@code substringof}, ...) are refused with
 * a 400, as is any property the entity type does not declare.
 *
 * <p>Besides the test itself, a parsed filter says which {@link Equality equalities} every entity
 * passing it meets, so that a service can fetch the few candidates through an index instead of
 * testing every document; the test then runs on those candidates as it would on all.
 */
final class ODataFilter {

	private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

	private final List<String> tokens;

	private final EntityType type;

	private int position;

	private ODataFilter(List<String> tokens, EntityType type) {
		this.tokens = tokens;
		this.type = type;
	}

	/**
	 * A parsed {@code $filter}: the test, and equalities that every entity passing it meets
	 * (necessary, not sufficient; empty when the filter implies none).
	 */
	record Filter(Predicate<ODataEntity> predicate, List<Equality> required) implements Predicate<ODataEntity> {

		/** No {@code $filter}: everything passes. */
		static final Filter ALL = new Filter(e -> true, List.of());

		Filter {
			required = List.copyOf(required);
		}

		@Override
		public boolean test(ODataEntity entity) {
			return predicate.test(entity);
		}

		Filter and(Filter other) {
			List<Equality> both = new ArrayList<>(required);
			both.addAll(other.required);
			return new Filter(predicate.and(other.predicate), both);
		}

		/** An entity passing {@code a or b} meets, for each property both constrain, one of the values of either. */
		Filter or(Filter other) {
			Map<String, Equality> mine = first(required);
			Map<String, Equality> theirs = first(other.required);
			List<Equality> either = new ArrayList<>();
			mine.forEach((property, equality) -> {
				Equality alternative = theirs.get(property);
				if (alternative != null) {
					either.add(equality.or(alternative));
				}
			});
			return new Filter(predicate.or(other.predicate), either);
		}

		Filter not() {
			return new Filter(predicate.negate(), List.of());
		}

		private static Map<String, Equality> first(List<Equality> equalities) {
			Map<String, Equality> byProperty = new LinkedHashMap<>();
			equalities.forEach(e -> byProperty.putIfAbsent(e.property(), e));
			return byProperty;
		}
	}

	/**
	 * {@code property eq} one of {@code values}: a condition a hash index can answer. Only string
	 * properties compared with a non-null literal give one, since for strings {@code eq} is
	 * {@link String#equals}.
	 */
	record Equality(String property, Set<String> values) {

		Equality {
			values = Set.copyOf(values);
		}

		/** The equalities a key predicate states, one per key property. */
		static List<Equality> of(Map<String, String> key) {
			return key.entrySet().stream().map(e -> new Equality(e.getKey(), Set.of(e.getValue()))).toList();
		}

		Equality or(Equality other) {
			Set<String> union = new LinkedHashSet<>(values);
			union.addAll(other.values);
			return new Equality(property, union);
		}
	}

	static Filter parse(String expression, EntityType type) {
		ODataFilter parser = new ODataFilter(tokenize(expression), type);
		Filter filter = parser.or();
		if (parser.position != parser.tokens.size()) {
			throw ODataException.badQuery("Invalid filter expression: unexpected '" + parser.tokens.get(parser.position)
					+ "' in '" + expression + "'");
		}
		return filter;
	}

	private Filter or() {
		Filter left = and();
		while (accept("or")) {
			left = left.or(and());
		}
		return left;
	}

	private Filter and() {
		Filter left = unary();
		while (accept("and")) {
			left = left.and(unary());
		}
		return left;
	}

	private Filter unary() {
		if (accept("not")) {
			return unary().not();
		}
		if (accept("(")) {
			Filter inner = or();
			expect(")");
			return inner;
		}
		return comparison();
	}

	private Filter comparison() {
		String name = next("a property name");
		if (peekIs("(")) {
			throw ODataException.badQuery("Filter function '" + name + "' is not supported by the sandbox");
		}
		Property property = type.property(name)
			.orElseThrow(() -> ODataException.badQuery("Property " + name + " not found in type " + type.name()));
		String operator = next("an operator").toLowerCase(Locale.ROOT);
		if (!OPERATORS.contains(operator)) {
			throw ODataException.badQuery("Invalid filter operator '" + operator + "'");
		}
		Object literal = literal(next("a literal"), property);
		Predicate<ODataEntity> test = entity -> compare(entity.value(name), operator, literal);
		if (operator.equals("eq") && literal instanceof String text) {
			return new Filter(test, List.of(new Equality(name, Set.of(text))));
		}
		return new Filter(test, List.of());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static boolean compare(Object value, String operator, Object literal) {
		if (literal == null || value == null) {
			boolean same = Objects.equals(value, literal);
			return switch (operator) {
				case "eq" -> same;
				case "ne" -> !same;
				default -> false;
			};
		}
		int c = ((Comparable) value).compareTo(literal);
		return switch (operator) {
			case "eq" -> c == 0;
			case "ne" -> c != 0;
			case "gt" -> c > 0;
			case "ge" -> c >= 0;
			case "lt" -> c < 0;
			default -> c <= 0;
		};
	}

	private static Object literal(String token, Property property) {
		if (token.equals("null")) {
			return null;
		}
		try {
			return switch (property.type()) {
				case STRING -> quoted(token, "", property);
				case DECIMAL -> new BigDecimal(token.replaceFirst("[MmDdLlFf]$", ""));
				case BOOLEAN -> switch (token) {
					case "true" -> Boolean.TRUE;
					case "false" -> Boolean.FALSE;
					default -> throw mismatch(token, property);
				};
				case DATE_TIME -> new ODataValues.DateTime(
						LocalDateTime.parse(quoted(token, "datetime", property)).toInstant(ZoneOffset.UTC));
				case DATE_TIME_OFFSET -> new ODataValues.DateTimeOffset(
						OffsetDateTime.parse(quoted(token, "datetimeoffset", property)).toInstant());
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw mismatch(token, property);
		}
	}

	private static String quoted(String token, String prefix, Property property) {
		if (!token.startsWith(prefix + "'") || !token.endsWith("'") || token.length() < prefix.length() + 2) {
			throw mismatch(token, property);
		}
		return token.substring(prefix.length() + 1, token.length() - 1).replace("''", "'");
	}

	private static ODataException mismatch(String token, Property property) {
		return ODataException.badQuery("Invalid literal " + token + " for property " + property.name() + " of type "
				+ property.type().edmName());
	}

	private boolean accept(String token) {
		if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(token)) {
			position++;
			return true;
		}
		return false;
	}

	private boolean peekIs(String token) {
		return position < tokens.size() && tokens.get(position).equals(token);
	}

	private void expect(String token) {
		if (!accept(token)) {
			throw ODataException.badQuery("Invalid filter expression: '" + token + "' expected");
		}
	}

	private String next(String what) {
		if (position >= tokens.size()) {
			throw ODataException.badQuery("Invalid filter expression: " + what + " expected at the end");
		}
		return tokens.get(position++);
	}

	/** Splits into parentheses, quoted literals (with an optional type prefix) and words. */
	private static List<String> tokenize(String expression) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < expression.length()) {
			char c = expression.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')') {
				tokens.add(String.valueOf(c));
				i++;
			}
			else {
				int start = i;
				while (i < expression.length() && !Character.isWhitespace(expression.charAt(i))
						&& expression.charAt(i) != '(' && expression.charAt(i) != ')') {
					if (expression.charAt(i) == '\'') {
						i = closingQuote(expression, i);
					}
					i++;
				}
				tokens.add(expression.substring(start, i));
			}
		}
		return tokens;
	}

	private static int closingQuote(String expression, int open) {
		int i = open + 1;
		while (i < expression.length()) {
			if (expression.charAt(i) == '\'') {
				if (i + 1 < expression.length() && expression.charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				return i;
			}
			i++;
		}
		throw ODataException.badQuery("Invalid filter expression: unterminated string literal");
	}
}
