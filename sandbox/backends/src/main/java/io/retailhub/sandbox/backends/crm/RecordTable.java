package io.retailhub.sandbox.backends.crm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records of one sObject type in the order they were created, with an index on each of the
 * type's {@link SObjectType#indexedFields() indexed fields}. A lookup answers <em>candidates</em>:
 * every record that can meet SOQL's {@code =} on the field, perhaps a few more, in creation order,
 * so that running the query's whole WHERE on them gives what running it on every record gives.
 * Records are never deleted. Not thread-safe: the org guards it with the lock that guards the
 * records.
 */
final class RecordTable {

	private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();

	/** Creation order, to merge the candidates of several values. */
	private final Map<Map<String, Object>, Integer> positions = new IdentityHashMap<>();

	private final Comparator<Map<String, Object>> creationOrder = Comparator.comparingInt(positions::get);

	private final Map<String, FieldIndex> indexes = new HashMap<>();

	private final FieldIndex ids;

	RecordTable(SObjectType type) {
		for (Field field : type.indexedFields()) {
			indexes.put(field.name(), new FieldIndex(field));
		}
		this.ids = indexes.get("Id");
	}

	/** Every record, in creation order; a live view, to read under the org's lock. */
	Collection<Map<String, Object>> all() {
		return Collections.unmodifiableCollection(byId.values());
	}

	boolean contains(String id) {
		return byId.containsKey(id);
	}

	/** Adds a record whose fields, Id included, are already written. */
	void add(Map<String, Object> record) {
		positions.put(record, positions.size());
		byId.put((String) record.get("Id"), record);
		for (FieldIndex index : indexes.values()) {
			index.add(record);
		}
	}

	/**
	 * Writes values into a record, moving it in the indexes of the fields written; a record not
	 * added yet is only written.
	 */
	void write(Map<String, Object> record, Map<String, Object> values) {
		if (!positions.containsKey(record)) {
			record.putAll(values);
			return;
		}
		List<FieldIndex> written = new ArrayList<>();
		for (String name : values.keySet()) {
			FieldIndex index = indexes.get(name);
			if (index != null) {
				index.remove(record);
				written.add(index);
			}
		}
		record.putAll(values);
		for (FieldIndex index : written) {
			index.add(record);
		}
	}

	/**
	 * The record a 15- or 18-character Id names (an 18-character Id ignoring case, a 15-character
	 * one as a case-sensitive prefix), the earliest created when several do; null when none does.
	 */
	Map<String, Object> find(String id) {
		if (id == null || !Records.isWellFormedId(id)) {
			return null;
		}
		if (id.length() == 18) {
			Map<String, Object> exact = byId.get(id);
			if (exact != null) {
				return exact;
			}
		}
		for (Map<String, Object> record : ids.candidates(id)) {
			if (Records.sameId((String) record.get("Id"), id)) {
				return record;
			}
		}
		return null;
	}

	/**
	 * The candidates for {@code field = value} or {@code field IN (values)} with non-null
	 * values, in creation order; empty when the field has no index.
	 */
	Optional<List<Map<String, Object>>> candidates(Field field, Collection<String> values) {
		FieldIndex index = indexes.get(field.name());
		if (index == null) {
			return Optional.empty();
		}
		List<List<Map<String, Object>>> found = new ArrayList<>();
		for (String value : values) {
			found.add(index.candidates(value));
		}
		return Optional.of(merged(found));
	}

	/**
	 * The candidates whose lookup field names one of these records, given by their 18-character
	 * Ids: the lookup holds the Id in any case, or its first 15 characters. Empty when the
	 * lookup has no index.
	 */
	Optional<List<Map<String, Object>>> referencing(Field lookup, Collection<String> parentIds) {
		FieldIndex index = indexes.get(lookup.name());
		if (index == null) {
			return Optional.empty();
		}
		List<List<Map<String, Object>>> found = new ArrayList<>();
		for (String parentId : parentIds) {
			found.add(index.exactly(parentId));
			found.add(index.exactly(parentId.substring(0, 15)));
		}
		return Optional.of(merged(found));
	}

	private List<Map<String, Object>> merged(List<List<Map<String, Object>>> lists) {
		List<List<Map<String, Object>>> nonEmpty = lists.stream().filter(l -> !l.isEmpty()).toList();
		if (nonEmpty.isEmpty()) {
			return List.of();
		}
		if (nonEmpty.size() == 1) {
			return Collections.unmodifiableList(nonEmpty.get(0));
		}
		Set<Map<String, Object>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Map<String, Object>> merged = new ArrayList<>();
		for (List<Map<String, Object>> list : nonEmpty) {
			list.stream().filter(seen::add).forEach(merged::add);
		}
		merged.sort(creationOrder);
		return merged;
	}

	/**
	 * SOQL compares text ignoring case as {@link String#equalsIgnoreCase} does, character by
	 * character; two texts equal that way fold to the same key.
	 */
	static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		text.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
		return folded.toString();
	}

	/**
	 * The records by the folded value of one field, each list in creation order. An Id or lookup
	 * field is also kept by the first 15 characters of its 18-character values, since a
	 * 15-character Id names a record by prefix.
	 */
	private final class FieldIndex {

		private final Field field;

		private final Map<String, List<Map<String, Object>>> byValue = new HashMap<>();

		private final Map<String, List<Map<String, Object>>> byPrefix;

		FieldIndex(Field field) {
			this.field = field;
			this.byPrefix = field.type().isId() ? new HashMap<>() : null;
		}

		void add(Map<String, Object> record) {
			if (!(record.get(field.name()) instanceof String value)) {
				return;
			}
			insert(byValue.computeIfAbsent(fold(value), k -> new ArrayList<>()), record);
			if (byPrefix != null && value.length() == 18) {
				insert(byPrefix.computeIfAbsent(fold(value.substring(0, 15)), k -> new ArrayList<>()), record);
			}
		}

		void remove(Map<String, Object> record) {
			if (!(record.get(field.name()) instanceof String value)) {
				return;
			}
			delete(byValue, fold(value), record);
			if (byPrefix != null && value.length() == 18) {
				delete(byPrefix, fold(value.substring(0, 15)), record);
			}
		}

		/** The candidates for {@code field = value}; a live list, to read under the org's lock. */
		List<Map<String, Object>> candidates(String value) {
			if (byPrefix != null && value.length() == 15) {
				return merged(List.of(exactly(value), byPrefix.getOrDefault(fold(value), List.of())));
			}
			return exactly(value);
		}

		/** The records whose value equals this one ignoring case. */
		List<Map<String, Object>> exactly(String value) {
			return byValue.getOrDefault(fold(value), List.of());
		}

		private void insert(List<Map<String, Object>> records, Map<String, Object> record) {
			int position = positions.get(record);
			if (records.isEmpty() || positions.get(records.get(records.size() - 1)) < position) {
				records.add(record);
				return;
			}
			int at = Collections.binarySearch(records, record, creationOrder);
			records.add(-at - 1, record);
		}

		private void delete(Map<String, List<Map<String, Object>>> index, String key,
				Map<String, Object> record) {
			List<Map<String, Object>> records = index.get(key);
			int at = Collections.binarySearch(records, record, creationOrder);
			records.remove(at);
			if (records.isEmpty()) {
				index.remove(key);
			}
		}
	}
}
