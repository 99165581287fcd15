package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.Navigation;
import io.retailhub.sandbox.backends.erp.Edm.Property;
import tools.jackson.databind.JsonNode;

/**
 * The body of a deep insert, read against the entity type: creatable properties as text,
 * navigations ({@code "to_Item": {"results": [...]}} or a bare array) as nested inserts. Refused
 * with a 400 in Gateway's error body, naming the property: a read-only property
 * ({@code sap:creatable="false"}, such as an item's {@code NetAmount}: the server computes it, and
 * taking the client's value silently would let a client believe it was used), a navigation SAP
 * does not take inline (pricing elements), a property the type does not declare, a string over
 * its length and a structured value where a primitive belongs. Keys are ignored: the server
 * numbers its documents.
 */
record DeepInsert(Map<String, String> values, Map<String, List<DeepInsert>> navigations) {

	static DeepInsert read(JsonNode body, EntityType type) {
		if (body == null || !body.isObject()) {
			throw ODataException.badPayload("The request body must be a JSON object", null);
		}
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, List<DeepInsert>> navigations = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (name.startsWith("__")) {
				continue;
			}
			Navigation navigation = type.navigation(name).orElse(null);
			if (navigation != null) {
				if (!navigation.deepInsert()) {
					throw ODataException.notCreatable(name);
				}
				navigations.put(name, nested(value, navigation));
				continue;
			}
			Property property = type.property(name)
				.orElseThrow(() -> ODataException.badPayload("Property '" + name + "' is invalid", name));
			if (property.key() || value.isNull()) {
				continue;
			}
			if (!property.creatable()) {
				throw ODataException.notCreatable(name);
			}
			values.put(name, primitive(value, property));
		}
		return new DeepInsert(values, navigations);
	}

	String value(String name) {
		String value = values.get(name);
		return value == null ? "" : value.strip();
	}

	String required(String name) {
		String value = value(name);
		if (value.isEmpty()) {
			throw ODataException.invalid("V1/009", "Enter a value for field " + name, name);
		}
		return value;
	}

	List<DeepInsert> navigation(String name) {
		return navigations.getOrDefault(name, List.of());
	}

	private static List<DeepInsert> nested(JsonNode value, Navigation navigation) {
		JsonNode results = value.isObject() && value.has("results") ? value.get("results") : value;
		if (!results.isArray()) {
			throw ODataException.badPayload("Navigation property '" + navigation.name()
					+ "' must be {\"results\": [...]} or an array", navigation.name());
		}
		List<DeepInsert> nested = new ArrayList<>();
		for (JsonNode element : results.values()) {
			nested.add(read(element, navigation.target()));
		}
		return nested;
	}

	static String primitive(JsonNode value, Property property) {
		String text;
		if (value.isString()) {
			text = value.stringValue();
		}
		else if (value.isNumber()) {
			text = value.decimalValue().toPlainString();
		}
		else if (value.isBoolean()) {
			text = Boolean.toString(value.booleanValue());
		}
		else {
			throw ODataException.badPayload("Property '" + property.name() + "' has an invalid value", property.name());
		}
		if (property.maxLength() != null && text.length() > property.maxLength()) {
			throw ODataException.badPayload("Value of property '" + property.name() + "' exceeds its maximum length of "
					+ property.maxLength(), property.name());
		}
		return text;
	}

	/** A positive whole quantity, as SAP accepts {@code "2"} or {@code "2.000"} for pieces. */
	static int pieces(String text, String property) {
		try {
			BigDecimal quantity = new BigDecimal(text).stripTrailingZeros();
			if (quantity.signum() <= 0 || quantity.scale() > 0) {
				throw new NumberFormatException();
			}
			return quantity.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw ODataException.invalid("V1/382", "Quantity " + text + " is not a positive whole number of pieces",
					property);
		}
	}
}
