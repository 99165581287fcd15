package io.retailhub.sandbox.backends.erp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's document numbers by the value of one field that never changes once a document exists
 * (its sales order, its customer reference), each list in the order the documents were added.
 * Holds numbers, not documents, so a document replaced under its number stays found. Not
 * thread-safe: its store guards it with the lock that guards the documents.
 */
final class DocumentIndex {

	private final Map<String, List<String>> numbers = new HashMap<>();

	void add(String value, String number) {
		if (value != null) {
			numbers.computeIfAbsent(value, v -> new ArrayList<>()).add(number);
		}
	}

	/** The numbers of the documents with this value, oldest first; a live view, to read under the store's lock. */
	List<String> numbers(String value) {
		return numbers.getOrDefault(value, List.of());
	}
}
