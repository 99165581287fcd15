package io.retailhub.sandbox.backends.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Salesforce's datetime format: {@code 2024-05-20T20:49:32.000+0000}, always UTC on the way out. */
final class SalesforceDates {

	private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);

	/** What SOQL accepts as a datetime literal: {@code 2024-05-20T20:49:32Z}, with optional millis and offsets. */
	private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX]");

	private SalesforceDates() {
	}

	static String format(Instant instant) {
		return OUT.format(instant);
	}

	static Optional<Instant> parseLiteral(String text) {
		try {
			return Optional.of(OffsetDateTime.parse(text, LITERAL).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}
}
