package io.retailhub.system.crm;

import java.util.regex.Pattern;

/** Building SOQL safely: every value the hub puts into a query goes through {@link #quote}. */
final class Soql {

	private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");

	private Soql() {
	}

	/** A SOQL string literal with backslash escapes, so no input can end the literal early. */
	static String quote(String value) {
		return literal(value, false).append('\'').toString();
	}

	/**
	 * A LIKE pattern matching values that start with {@code value}: the literal as {@link #quote}
	 * writes it, with {@code %} and {@code _} escaped so they match themselves, and {@code %} after.
	 */
	static String likePrefix(String value) {
		return literal(value, true).append("%'").toString();
	}

	private static StringBuilder literal(String value, boolean like) {
		StringBuilder quoted = new StringBuilder(value.length() + 3).append('\'');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (like && (c == '%' || c == '_')) {
				quoted.append('\\').append(c);
				continue;
			}
			switch (c) {
				case '\\' -> quoted.append("\\\\");
				case '\'' -> quoted.append("\\'");
				case '"' -> quoted.append("\\\"");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				case '\b' -> quoted.append("\\b");
				case '\f' -> quoted.append("\\f");
				default -> quoted.append(c);
			}
		}
		return quoted;
	}

	/** Whether the value can be a Salesforce record ID (15 or 18 alphanumerics); others need no call. */
	static boolean isRecordId(String value) {
		return value != null && RECORD_ID.matcher(value).matches();
	}
}
