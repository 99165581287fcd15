package io.retailhub.sandbox.backends.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Parses the SOQL subset the sandbox org answers:
 *
 * <pre>
 * SELECT field [, field ...] FROM object
 *   [WHERE condition]
 *   [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST] [, ...]]
 *   [LIMIT n] [OFFSET n]
 *
 * field      := Name | Relationship.Name          (one level of parent relationship)
 * condition  := term [AND term ...] | term [OR term ...]   (mixing AND and OR needs parentheses)
 * term       := ( condition ) | NOT term | field op literal | field [NOT] IN ( literal, ... )
 * op         := = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;= | LIKE
 * literal    := 'text' | true | false | null | number | 2024-05-20T20:49:32Z
 * </pre>
 *
 * Keywords are case-insensitive. String literals use backslash escapes ({@code \'}, {@code \\},
 * {@code \n}, ...). Anything else (aggregates, sub-queries, date functions, GROUP BY) is answered
 * with {@code MALFORMED_QUERY}, as Salesforce does for what it cannot parse.
 */
final class SoqlParser {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Pattern DATETIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?");

	private enum TokenType {
		WORD, STRING, SYMBOL, END
	}

	private record Token(TokenType type, String text, int position) {

		boolean is(String keyword) {
			return (type == TokenType.WORD || type == TokenType.SYMBOL) && text.equalsIgnoreCase(keyword);
		}
	}

	private final String soql;

	private final List<Token> tokens;

	private int next;

	private SoqlParser(String soql) {
		this.soql = soql;
		this.tokens = tokenize(soql);
	}

	static SoqlQuery parse(String soql) {
		if (soql == null || soql.isBlank()) {
			throw SalesforceException.malformedQuery("A query string has to be specified");
		}
		return new SoqlParser(soql).query();
	}

	private SoqlQuery query() {
		expect("SELECT");
		List<Selected> fields = new ArrayList<>();
		do {
			fields.add(field());
		}
		while (accept(","));
		expect("FROM");
		Token object = peek();
		if (object.type() != TokenType.WORD || !IDENTIFIER.matcher(object.text()).matches()
				|| object.text().contains(".")) {
			throw unexpected(object);
		}
		next++;
		Condition where = null;
		if (accept("WHERE")) {
			where = condition();
		}
		List<Ordering> orderBy = new ArrayList<>();
		if (accept("ORDER")) {
			expect("BY");
			do {
				orderBy.add(ordering());
			}
			while (accept(","));
		}
		Integer limit = accept("LIMIT") ? count() : null;
		Integer offset = accept("OFFSET") ? count() : null;
		if (peek().type() != TokenType.END) {
			throw unexpected(peek());
		}
		return new SoqlQuery(object.text(), fields, where, orderBy, limit, offset);
	}

	private Selected field() {
		Token token = peek();
		if (token.type() != TokenType.WORD || !IDENTIFIER.matcher(token.text()).matches() || isKeyword(token)) {
			throw unexpected(token);
		}
		next++;
		return new Selected(token.text(), token.position());
	}

	private Ordering ordering() {
		Selected field = field();
		boolean descending = false;
		if (accept("DESC")) {
			descending = true;
		}
		else {
			accept("ASC");
		}
		// Salesforce's default: nulls first when ascending, last when descending
		boolean nullsLast = descending;
		if (accept("NULLS")) {
			if (accept("LAST")) {
				nullsLast = true;
			}
			else {
				expect("FIRST");
				nullsLast = false;
			}
		}
		return new Ordering(field, descending, nullsLast);
	}

	private Condition condition() {
		List<Condition> terms = new ArrayList<>();
		terms.add(term());
		String joiner = null;
		while (peek().is("AND") || peek().is("OR")) {
			Token token = tokens.get(next++);
			String current = token.text().toUpperCase(Locale.ROOT);
			if (joiner != null && !joiner.equals(current)) {
				// SOQL refuses to guess precedence between AND and OR
				throw unexpected(token);
			}
			joiner = current;
			terms.add(term());
		}
		if (terms.size() == 1) {
			return terms.get(0);
		}
		return "AND".equals(joiner) ? new All(terms) : new Any(terms);
	}

	private Condition term() {
		if (accept("(")) {
			Condition inner = condition();
			expect(")");
			return inner;
		}
		if (accept("NOT")) {
			return new Not(term());
		}
		Selected field = field();
		Token operator = peek();
		next++;
		if (operator.is("IN")) {
			return new Comparison(field, Operator.IN, literalList());
		}
		if (operator.is("NOT")) {
			expect("IN");
			return new Comparison(field, Operator.NOT_IN, literalList());
		}
		Operator op = switch (operator.text().toUpperCase(Locale.ROOT)) {
			case "=" -> Operator.EQUALS;
			case "!=", "<>" -> Operator.NOT_EQUALS;
			case "<" -> Operator.LESS;
			case "<=" -> Operator.LESS_OR_EQUAL;
			case ">" -> Operator.GREATER;
			case ">=" -> Operator.GREATER_OR_EQUAL;
			case "LIKE" -> Operator.LIKE;
			default -> throw unexpected(operator);
		};
		return new Comparison(field, op, List.of(literal()));
	}

	private List<Literal> literalList() {
		expect("(");
		List<Literal> values = new ArrayList<>();
		do {
			values.add(literal());
		}
		while (accept(","));
		expect(")");
		return values;
	}

	private Literal literal() {
		Token token = peek();
		next++;
		if (token.type() == TokenType.STRING) {
			return new Literal(LiteralKind.STRING, token.text());
		}
		if (token.type() == TokenType.WORD) {
			if (token.is("true") || token.is("false")) {
				return new Literal(LiteralKind.BOOLEAN, token.text().toLowerCase(Locale.ROOT));
			}
			if (token.is("null")) {
				return new Literal(LiteralKind.NULL, "null");
			}
			if (NUMBER.matcher(token.text()).matches()) {
				return new Literal(LiteralKind.NUMBER, token.text());
			}
			if (DATETIME.matcher(token.text()).matches()) {
				return new Literal(LiteralKind.DATETIME, token.text());
			}
		}
		throw unexpected(token);
	}

	private Integer count() {
		Token token = peek();
		if (token.type() != TokenType.WORD || !token.text().chars().allMatch(Character::isDigit)
				|| token.text().length() > 9) {
			throw unexpected(token);
		}
		next++;
		return Integer.valueOf(token.text());
	}

	private static boolean isKeyword(Token token) {
		return switch (token.text().toUpperCase(Locale.ROOT)) {
			case "SELECT", "FROM", "WHERE", "ORDER", "BY", "LIMIT", "OFFSET", "AND", "OR", "NOT", "IN", "LIKE", "ASC",
					"DESC", "NULLS" -> true;
			default -> false;
		};
	}

	private Token peek() {
		return tokens.get(next);
	}

	private boolean accept(String keyword) {
		if (peek().is(keyword)) {
			next++;
			return true;
		}
		return false;
	}

	private void expect(String keyword) {
		if (!accept(keyword)) {
			throw unexpected(peek());
		}
	}

	private SalesforceException unexpected(Token token) {
		String what = token.type() == TokenType.END ? "<EOF>"
				: token.type() == TokenType.STRING ? "'" + token.text() + "'" : token.text();
		return SalesforceException.malformedQuery(located(soql, token.position(), "unexpected token: " + what));
	}

	/** Salesforce's way of pointing at the fault: the statement, a caret, row and column, the reason. */
	static String located(String soql, int position, String reason) {
		int row = 1;
		int lineStart = 0;
		for (int i = 0; i < position && i < soql.length(); i++) {
			if (soql.charAt(i) == '\n') {
				row++;
				lineStart = i + 1;
			}
		}
		int lineEnd = soql.indexOf('\n', lineStart);
		String line = soql.substring(lineStart, lineEnd < 0 ? soql.length() : lineEnd);
		int column = position - lineStart + 1;
		return "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:" + row + ":Column:"
				+ column + "\n" + reason;
	}

	private List<Token> tokenize(String text) {
		List<Token> result = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '\'') {
				i = string(text, i, result);
			}
			else if (c == '(' || c == ')' || c == ',' || c == '=') {
				result.add(new Token(TokenType.SYMBOL, String.valueOf(c), i));
				i++;
			}
			else if (c == '!' || c == '<' || c == '>') {
				String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
				if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
					result.add(new Token(TokenType.SYMBOL, two, i));
					i += 2;
				}
				else if (c != '!') {
					result.add(new Token(TokenType.SYMBOL, String.valueOf(c), i));
					i++;
				}
				else {
					throw SalesforceException.malformedQuery(located(text, i, "unexpected token: !"));
				}
			}
			else if (isWordChar(c)) {
				int start = i;
				while (i < text.length() && isWordChar(text.charAt(i))) {
					i++;
				}
				result.add(new Token(TokenType.WORD, text.substring(start, i), start));
			}
			else {
				throw SalesforceException.malformedQuery(located(text, i, "unexpected token: " + c));
			}
		}
		result.add(new Token(TokenType.END, "", text.length()));
		return result;
	}

	private int string(String text, int start, List<Token> result) {
		StringBuilder value = new StringBuilder();
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\'') {
				result.add(new Token(TokenType.STRING, value.toString(), start));
				return i + 1;
			}
			if (c == '\\') {
				if (i + 1 >= text.length()) {
					break;
				}
				char escaped = text.charAt(i + 1);
				switch (escaped) {
					case '\'', '"', '\\' -> value.append(escaped);
					case 'n' -> value.append('\n');
					case 'r' -> value.append('\r');
					case 't' -> value.append('\t');
					case 'b' -> value.append('\b');
					case 'f' -> value.append('\f');
					// kept escaped: only LIKE gives them meaning (a literal % or _)
					case '%', '_' -> value.append('\\').append(escaped);
					default -> throw SalesforceException.malformedQuery(located(text, i,
							"Invalid string literal '" + text.substring(start, Math.min(text.length(), i + 2))
									+ "'. Illegal character sequence '\\" + escaped + "' in string literal."));
				}
				i += 2;
			}
			else {
				value.append(c);
				i++;
			}
		}
		throw SalesforceException.malformedQuery(located(text, start, "unexpected token: unterminated string literal"));
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '-' || c == '+';
	}
}
