package io.retailhub.sandbox.backends.erp;

import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.Property;
import tools.jackson.databind.JsonNode;

/**
 * The body of a MERGE/PATCH, read against the entity type: only the properties to change, as
 * text. Unlike a create, a read-only property is refused (400) instead of ignored, so a client
 * learns that its change did not happen; key properties may be repeated with the addressed values
 * (clients often send the whole key) but not changed; navigation properties cannot be changed
 * this way.
 */
final class EntityChange {

	private EntityChange() {
	}

	static Map<String, String> read(JsonNode body, EntityType type, Map<String, String> key) {
		if (body == null || !body.isObject()) {
			throw ODataException.badPayload("The request body must be a JSON object", null);
		}
		Map<String, String> changes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			if (name.startsWith("__")) {
				continue;
			}
			if (type.navigation(name).isPresent()) {
				throw ODataException.badPayload("Navigation property '" + name + "' cannot be changed by MERGE/PATCH",
						name);
			}
			Property property = type.property(name)
				.orElseThrow(() -> ODataException.badPayload("Property '" + name + "' is invalid", name));
			JsonNode value = field.getValue();
			String text = value.isNull() ? "" : DeepInsert.primitive(value, property);
			if (property.key()) {
				if (!text.equals(key.get(name))) {
					throw ODataException.readOnly(name);
				}
				continue;
			}
			if (!property.creatable()) {
				throw ODataException.readOnly(name);
			}
			changes.put(name, text);
		}
		return changes;
	}
}
