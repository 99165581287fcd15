package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * OData V2 verbose-JSON primitives as SAP Gateway writes them: {@code Edm.DateTime} as
 * {@code /Date(ms)/}, {@code Edm.DateTimeOffset} as {@code /Date(ms+0000)/}, {@code Edm.Decimal}
 * as a JSON string. Entities keep typed values ({@link DateTime}, {@link DateTimeOffset},
 * {@link BigDecimal}, String) so that {@code $filter} and {@code $orderby} compare values, not
 * their text.
 */
final class ODataValues {

	/** The "never" of SAP date fields: 9999-12-31 00:00 UTC. */
	static final Instant END_OF_TIME = LocalDate.of(9999, 12, 31).atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final DateTimeFormatter ETAG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private ODataValues() {
	}

	/** An {@code Edm.DateTime}; date-only fields (display-format Date) sit at 00:00 UTC. */
	record DateTime(Instant value) implements Comparable<DateTime> {

		static DateTime dateOf(Instant instant) {
			return new DateTime(instant.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
		}

		@Override
		public int compareTo(DateTime other) {
			return value.compareTo(other.value);
		}
	}

	/** An {@code Edm.DateTimeOffset}, always written in UTC ({@code +0000}). */
	record DateTimeOffset(Instant value) implements Comparable<DateTimeOffset> {

		@Override
		public int compareTo(DateTimeOffset other) {
			return value.compareTo(other.value);
		}
	}

	/** The JSON form of a typed value. */
	static Object json(Object value) {
		if (value instanceof DateTime dateTime) {
			return "/Date(" + dateTime.value().toEpochMilli() + ")/";
		}
		if (value instanceof DateTimeOffset offset) {
			return "/Date(" + offset.value().toEpochMilli() + "+0000)/";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return value;
	}

	/** The weak ETag SAP derives from {@code LastChangeDateTime}. */
	static String etag(Instant lastChange) {
		String literal = "datetimeoffset'" + ETAG_TIME.format(lastChange) + "'";
		return "W/\"" + URLEncoder.encode(literal, StandardCharsets.UTF_8).replace("%27", "'") + "\"";
	}

	/** An OData string literal: single-quoted, inner quotes doubled. */
	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}
}
