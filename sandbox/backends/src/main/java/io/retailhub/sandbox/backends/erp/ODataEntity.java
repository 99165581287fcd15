package io.retailhub.sandbox.backends.erp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.Property;

/**
 * One entity as the OData layer sees it: typed property values (see {@link ODataValues}), its
 * navigation targets, and the ETag when the type has a concurrency token (none otherwise, as for
 * document items). Immutable.
 */
record ODataEntity(EntityType type, Map<String, Object> values, Map<String, List<ODataEntity>> navigations) {

	ODataEntity {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		navigations = Map.copyOf(navigations);
		for (String name : values.keySet()) {
			if (type.property(name).isEmpty()) {
				throw new IllegalArgumentException(type.name() + " declares no property " + name);
			}
		}
	}

	Object value(String property) {
		return values.get(property);
	}

	List<ODataEntity> navigation(String name) {
		return navigations.getOrDefault(name, List.of());
	}

	/** {@code ('5000001')} for one key, {@code (SalesOrder='5000001',SalesOrderItem='10')} for several. */
	String keyPredicate() {
		List<Property> keys = type.keys();
		if (keys.size() == 1) {
			return "(" + ODataValues.literal((String) values.get(keys.get(0).name())) + ")";
		}
		return keys.stream()
			.map(k -> k.name() + "=" + ODataValues.literal((String) values.get(k.name())))
			.collect(Collectors.joining(",", "(", ")"));
	}

	/** Whether this entity has exactly these key values. */
	boolean hasKey(Map<String, String> key) {
		List<Property> keys = type.keys();
		return key.size() == keys.size() && keys.stream().allMatch(k -> key.get(k.name()) != null
				&& key.get(k.name()).equals(values.get(k.name())));
	}

	/** The weak ETag from the concurrency token; null when the type has none. */
	String etag() {
		return type.concurrencyToken()
			.map(p -> values.get(p.name()))
			.map(v -> ODataValues.etag(((ODataValues.DateTimeOffset) v).value()))
			.orElse(null);
	}
}
