package io.retailhub.contracts;

import java.util.regex.Pattern;

/**
 * The one alphabet of the hub's identifiers and keys: the typed IDs ({@link OrderId},
 * {@link CustomerId}, ...), the callers' references ({@code reference}, {@code externalReference},
 * {@code externalId}) and idempotency keys. They travel in URL paths, HTTP headers, OData
 * filters, Kafka keys and log lines, so they hold nothing that means something in any of these:
 * letters, digits and {@code . _ : -}, starting with a letter or a digit, never {@code ..}, no
 * whitespace and no control characters. Free text (notes, descriptions, comments) is not an
 * identifier; it is only bounded in length.
 */
public final class Identifiers {

	/**
	 * The identifier alphabet as a regular expression for {@code jakarta.validation.constraints.Pattern}
	 * (which matches the whole value).
	 */
	public static final String PATTERN = "(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._:-]*";

	/** What a value that breaks {@link #PATTERN} is told. */
	public static final String PATTERN_MESSAGE = "must be letters, digits and . _ : - "
			+ "(starting with a letter or digit, no ..)";

	/** The longest typed ID (the events' JSON Schemas say the same). */
	public static final int MAX_LENGTH = 64;

	/** The longest idempotency key, as payment providers allow it. */
	public static final int MAX_KEY_LENGTH = 255;

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private Identifiers() {
	}

	/** Whether {@code value} is in the identifier alphabet and at most {@code maxLength} long. */
	public static boolean isValid(String value, int maxLength) {
		return value != null && !value.isEmpty() && value.length() <= maxLength && COMPILED.matcher(value).matches();
	}

	/**
	 * A typed ID's value, stripped of surrounding whitespace.
	 * @throws IllegalArgumentException for a blank, over-long or malformed value, naming {@code what}
	 */
	static String requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		String trimmed = value.strip();
		if (trimmed.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(what + " must be at most " + MAX_LENGTH + " characters");
		}
		if (!COMPILED.matcher(trimmed).matches()) {
			throw new IllegalArgumentException(what + " " + PATTERN_MESSAGE);
		}
		return trimmed;
	}
}
