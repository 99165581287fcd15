package io.retailhub.sandbox.backends.erp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The indexes of one entity set: for some of its string properties, how to find the documents
 * with a given value without looking at the others. Answers the candidates for a query's
 * {@link ODataFilter.Equality equalities} in document order, or nothing when none of them is
 * indexed (then the caller scans the set).
 * @param <D> what the set's entities are built from: the entities themselves for a read-only set,
 * the store's documents for one that changes
 */
final class ODataLookup<D> {

	private final Map<String, Function<String, List<D>>> indexes;

	private final Comparator<D> documentOrder;

	/**
	 * @param indexes per property, the documents having a value, in document order; the lists
	 * are not changed afterwards (snapshots)
	 * @param documentOrder the order of the set, to merge the documents of several values
	 */
	ODataLookup(Map<String, Function<String, List<D>>> indexes, Comparator<D> documentOrder) {
		this.indexes = Map.copyOf(indexes);
		this.documentOrder = documentOrder;
	}

	/** Indexes built once over entities that never change, by the values of these properties. */
	static ODataLookup<ODataEntity> of(List<ODataEntity> entities, String... properties) {
		Map<ODataEntity, Integer> position = new IdentityHashMap<>();
		for (int i = 0; i < entities.size(); i++) {
			position.put(entities.get(i), i);
		}
		Map<String, Function<String, List<ODataEntity>>> indexes = new HashMap<>();
		for (String property : properties) {
			Map<String, List<ODataEntity>> byValue = new HashMap<>();
			for (ODataEntity entity : entities) {
				if (entity.value(property) instanceof String value) {
					byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(entity);
				}
			}
			byValue.replaceAll((value, found) -> List.copyOf(found));
			indexes.put(property, value -> byValue.getOrDefault(value, List.of()));
		}
		return new ODataLookup<>(indexes, Comparator.comparing(position::get));
	}

	/**
	 * The documents that may meet all these equalities, in document order: those of the indexed
	 * equality with the fewest; empty when no equality names an indexed property.
	 */
	Optional<List<D>> candidates(List<ODataFilter.Equality> required) {
		List<D> fewest = null;
		for (ODataFilter.Equality equality : required) {
			Function<String, List<D>> index = indexes.get(equality.property());
			if (index == null) {
				continue;
			}
			List<D> found = lookup(index, equality.values());
			if (fewest == null || found.size() < fewest.size()) {
				fewest = found;
			}
			if (fewest.isEmpty()) {
				break;
			}
		}
		return Optional.ofNullable(fewest);
	}

	private List<D> lookup(Function<String, List<D>> index, Set<String> values) {
		if (values.size() == 1) {
			return index.apply(values.iterator().next());
		}
		Set<D> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<D> found = new ArrayList<>();
		for (String value : values) {
			index.apply(value).stream().filter(seen::add).forEach(found::add);
		}
		found.sort(documentOrder);
		return found;
	}
}
