package io.retailhub.system.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes SAP's OData V2 primitives. {@code Edm.DateTime} comes as {@code /Date(ms)/},
 * {@code Edm.DateTimeOffset} as {@code /Date(ms+0000)/} where the milliseconds are already UTC
 * and the offset (minutes) only says where the value was entered; some serializers escape the
 * slashes ({@code \/Date(...)\/}). {@code Edm.Decimal} comes as a JSON string. A value that
 * breaks these rules is the backend's fault and fails with {@link IllegalStateException}.
 */
final class SapFormats {

	private static final Pattern DATE = Pattern.compile("\\\\?/Date\\((-?\\d+)(?:[+-]\\d{4})?\\)\\\\?/");

	private SapFormats() {
	}

	/** An {@code Edm.DateTime} or {@code Edm.DateTimeOffset}; null when SAP sends none. */
	static Instant dateTime(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Matcher matcher = DATE.matcher(text.strip());
		if (!matcher.matches()) {
			throw new IllegalStateException("ERP sent a date that is not /Date(ms)/: " + text);
		}
		return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
	}

	/** An {@code Edm.Decimal} sent as a string ({@code "17.55"}, {@code "0.000"}). */
	static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalStateException("ERP sent no value where a decimal belongs");
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("ERP sent a decimal that is not a number: " + text, ex);
		}
	}

	/** A quantity in pieces ({@code "2"} or {@code "2.000"}). */
	static int pieces(String text) {
		BigDecimal quantity = decimal(text);
		try {
			return quantity.stripTrailingZeros().intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalStateException("ERP sent a quantity that is not whole pieces: " + text, ex);
		}
	}

	/** An {@code Edm.Decimal} as SAP takes it on write: plain digits, no exponent. */
	static String plain(BigDecimal value) {
		return value.toPlainString();
	}

	/** An OData string literal: single-quoted, inner quotes doubled ({@code 'O''Brien'}). */
	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/** A key predicate value for {@code A_SalesOrder('<here>')}: inner quotes doubled. */
	static String key(String value) {
		return value.replace("'", "''");
	}

	/** An {@code Edm.DateTimeOffset} literal in UTC, {@code datetimeoffset'2024-05-01T00:00:00.123Z'}. */
	static String dateTimeOffset(Instant instant) {
		return "datetimeoffset'" + instant + "'";
	}

	/** A {@code $filter} comparison, {@code Property eq 'value'}. */
	static String eq(String property, String value) {
		return property + " eq " + literal(value);
	}
}
