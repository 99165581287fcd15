package io.retailhub.sandbox.backends.erp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.retailhub.sandbox.backends.erp.Edm.Navigation;
import io.retailhub.sandbox.backends.erp.Edm.Property;

/**
 * Writes OData V2 verbose JSON: {@code {"d": {...}}} for one entity, {@code {"d": {"results":
 * [...]}}} for a collection (with {@code "__count"} as a string first when asked for), a
 * {@code __metadata} block per entity, and {@code __deferred} links for navigations that were not
 * expanded.
 */
final class ODataWriter {

	private ODataWriter() {
	}

	static Map<String, Object> single(ODataEntity entity, String serviceUrl, ODataQuery.Expand expand,
			Set<String> select) {
		return Map.of("d", entity(entity, serviceUrl, expand, select));
	}

	static Map<String, Object> collection(List<ODataEntity> entities, Integer count, String serviceUrl,
			ODataQuery.Expand expand, Set<String> select) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (count != null) {
			body.put("__count", Integer.toString(count));
		}
		body.put("results", entities.stream().map(e -> entity(e, serviceUrl, expand, select)).toList());
		return Map.of("d", body);
	}

	static Map<String, Object> entity(ODataEntity entity, String serviceUrl, ODataQuery.Expand expand,
			Set<String> select) {
		String uri = serviceUrl + entity.type().entitySet() + entity.keyPredicate();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("id", uri);
		metadata.put("uri", uri);
		metadata.put("type", serviceName(serviceUrl) + "." + entity.type().name());
		String etag = entity.etag();
		if (etag != null) {
			metadata.put("etag", etag);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("__metadata", metadata);
		for (Property property : entity.type().properties()) {
			if (select.isEmpty() || select.contains(property.name()) || property.key()) {
				json.put(property.name(), ODataValues.json(entity.value(property.name())));
			}
		}
		for (Navigation navigation : entity.type().navigations()) {
			String name = navigation.name();
			if (expand.has(name)) {
				List<Object> results = new ArrayList<>();
				entity.navigation(name)
					.forEach(target -> results.add(entity(target, serviceUrl, expand.child(name), Set.of())));
				json.put(name, Map.of("results", results));
			}
			else if (select.isEmpty() || select.contains(name)) {
				json.put(name, Map.of("__deferred", Map.of("uri", uri + "/" + name)));
			}
		}
		return json;
	}

	/** A function import's complex result: {@code {"d": {"<FunctionName>": {...}}}} as Gateway writes it. */
	static Map<String, Object> complex(String functionName, String typeName, Map<String, Object> values) {
		return Map.of("d", Map.of(functionName, complexValue(typeName, values)));
	}

	static Map<String, Object> complexCollection(String typeName, List<Map<String, Object>> values) {
		return Map.of("d", Map.of("results", values.stream().map(v -> complexValue(typeName, v)).toList()));
	}

	private static Map<String, Object> complexValue(String typeName, Map<String, Object> values) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("__metadata", Map.of("type", typeName));
		values.forEach((name, value) -> json.put(name, ODataValues.json(value)));
		return json;
	}

	private static String serviceName(String serviceUrl) {
		String trimmed = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}
}
