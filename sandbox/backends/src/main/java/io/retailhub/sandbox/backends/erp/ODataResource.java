package io.retailhub.sandbox.backends.erp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.Property;

/**
 * One resource path segment: an entity set or function import name with an optional key
 * predicate, {@code A_SalesOrder('5000001')} or
 * {@code A_SalesOrderItem(SalesOrder='5000001',SalesOrderItem='10')}.
 */
record ODataResource(String name, String keyPredicate) {

	private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\((.*)\\))?");

	static ODataResource parse(String segment) {
		Matcher matcher = SEGMENT.matcher(segment);
		if (!matcher.matches()) {
			throw ODataException.resourceNotFound(segment);
		}
		return new ODataResource(matcher.group(1), matcher.group(2));
	}

	boolean hasKey() {
		return keyPredicate != null;
	}

	/** The key values by property name, checked against the entity type's key. */
	Map<String, String> key(EntityType type) {
		List<Property> keys = type.keys();
		List<String> parts = splitOutsideQuotes(keyPredicate);
		Map<String, String> key = new LinkedHashMap<>();
		if (parts.size() == 1 && keys.size() == 1 && !parts.get(0).contains("=")) {
			key.put(keys.get(0).name(), unquote(parts.get(0)));
		}
		else {
			for (String part : parts) {
				int eq = part.indexOf('=');
				if (eq < 0) {
					throw invalidKey();
				}
				String name = part.substring(0, eq).strip();
				if (type.property(name).filter(Property::key).isEmpty()) {
					throw invalidKey();
				}
				key.put(name, unquote(part.substring(eq + 1)));
			}
		}
		if (key.size() != keys.size()) {
			throw invalidKey();
		}
		return key;
	}

	private ODataException invalidKey() {
		return ODataException.badQuery("Invalid key predicate (" + keyPredicate + ") for " + name);
	}

	private String unquote(String literal) {
		String trimmed = literal.strip();
		if (trimmed.length() < 2 || !trimmed.startsWith("'") || !trimmed.endsWith("'")) {
			throw invalidKey();
		}
		return trimmed.substring(1, trimmed.length() - 1).replace("''", "'");
	}

	private static List<String> splitOutsideQuotes(String text) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (char c : text.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				parts.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		parts.add(current.toString());
		return parts;
	}
}
