package io.retailhub.system.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Salesforce datetimes ({@code 2024-05-20T20:49:32.000+0000}) to {@link Instant}s. */
final class SalesforceDates {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX]");

	private SalesforceDates() {
	}

	/** Null for null; a malformed value is the org breaking its contract and fails loudly. */
	static Instant parse(String value) {
		return value == null || value.isEmpty() ? null : OffsetDateTime.parse(value, FORMAT).toInstant();
	}
}
