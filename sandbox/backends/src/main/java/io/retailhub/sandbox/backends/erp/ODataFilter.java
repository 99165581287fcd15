package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

	static Predicate<ODataEntity> parse(String expression, EntityType type) {
		ODataFilter parser = new ODataFilter(tokenize(expression), type);
		Predicate<ODataEntity> predicate = parser.or();
		if (parser.position != parser.tokens.size()) {
			throw ODataException.badQuery("Invalid filter expression: unexpected '" + parser.tokens.get(parser.position)
					+ "' in '" + expression + "'");
		}
		return predicate;
	}

	private Predicate<ODataEntity> or() {
		Predicate<ODataEntity> left = and();
		while (accept("or")) {
			left = left.or(and());
		}
		return left;
	}

	private Predicate<ODataEntity> and() {
		Predicate<ODataEntity> left = unary();
		while (accept("and")) {
			left = left.and(unary());
		}
		return left;
	}

	private Predicate<ODataEntity> unary() {
		if (accept("not")) {
			return unary().negate();
		}
		if (accept("(")) {
			Predicate<ODataEntity> inner = or();
			expect(")");
			return inner;
		}
		return comparison();
	}

	private Predicate<ODataEntity> comparison() {
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
		return entity -> compare(entity.value(name), operator, literal);
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
