package io.retailhub.contracts;

/** Shared guard for the typed identifiers. */
final class Identifiers {

	static final int MAX_LENGTH = 64;

	private Identifiers() {
	}

	static String requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		String trimmed = value.strip();
		if (trimmed.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(what + " must be at most " + MAX_LENGTH + " characters");
		}
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (Character.isISOControl(c)) {
				throw new IllegalArgumentException(what + " must not contain control characters");
			}
		}
		return trimmed;
	}
}
