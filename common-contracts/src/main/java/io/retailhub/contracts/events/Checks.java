package io.retailhub.contracts.events;

import java.util.List;

/**
 * Guards shared by the payload constructors. A payload that breaks them is not a valid event:
 * a producer fails before publishing, a consumer fails to read it and dead-letters it.
 */
final class Checks {

	private Checks() {
	}

	static <T> T present(T value, String member) {
		if (value == null) {
			throw new IllegalArgumentException(member + " is required");
		}
		return value;
	}

	static String text(String value, String member) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(member + " must not be blank");
		}
		return value;
	}

	static int positive(int value, String member) {
		if (value <= 0) {
			throw new IllegalArgumentException(member + " must be positive");
		}
		return value;
	}

	static int notNegative(int value, String member) {
		if (value < 0) {
			throw new IllegalArgumentException(member + " must not be negative");
		}
		return value;
	}

	/** An immutable copy of a list that must hold at least one element and no nulls. */
	static <T> List<T> nonEmpty(List<T> values, String member) {
		if (values == null || values.isEmpty()) {
			throw new IllegalArgumentException(member + " must not be empty");
		}
		for (T value : values) {
			if (value == null) {
				throw new IllegalArgumentException(member + " must not contain null");
			}
		}
		return List.copyOf(values);
	}
}
