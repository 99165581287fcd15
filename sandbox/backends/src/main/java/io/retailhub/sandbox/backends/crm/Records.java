package io.retailhub.sandbox.backends.crm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** How records look on the wire: {@code attributes} first, datetimes in Salesforce format. */
final class Records {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");

	private Records() {
	}

	static Map<String, Object> attributes(SObjectType type, String id, String version) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("type", type.apiName());
		attributes.put("url", sobjectUrl(type, id, version));
		return attributes;
	}

	static String sobjectUrl(SObjectType type, String id, String version) {
		return "/services/data/" + version + "/sobjects/" + type.apiName() + "/" + id;
	}

	static Object wire(Object value) {
		return value instanceof Instant instant ? SalesforceDates.format(instant) : value;
	}

	/** A record with all its fields, as {@code GET /sobjects/Type/id} answers it. */
	static Map<String, Object> render(SObjectType type, Map<String, Object> record, Iterable<Field> fields,
			String version) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("attributes", attributes(type, (String) record.get("Id"), version));
		for (Field field : fields) {
			out.put(field.name(), wire(record.get(field.name())));
		}
		return out;
	}

	/** The sandbox's 18-character record ID: the type's key prefix, the pod, a nine-digit sequence. */
	static String id(SObjectType type, String pod, long sequence) {
		return type.keyPrefix() + pod + String.format("%09d", sequence);
	}

	/** The sequence of an ID the sandbox made ({@link #id}). */
	static long sequenceOf(String id) {
		return Long.parseLong(id.substring(id.length() - 9));
	}

	/**
	 * A record as saved in a snapshot (datetimes as ISO-8601 text) with its values typed again, as
	 * the org holds them.
	 */
	static Map<String, Object> restored(SObjectType type, Map<String, Object> saved) {
		Map<String, Object> record = new LinkedHashMap<>();
		for (Field field : type.fields()) {
			Object value = saved.get(field.name());
			record.put(field.name(), value instanceof String text && field.type() == FieldType.DATETIME
					? Instant.parse(text) : value);
		}
		return record;
	}

	/** Salesforce record IDs are 15 (case-sensitive) or 18 (case-safe) alphanumeric characters. */
	static boolean isWellFormedId(String value) {
		return value != null && ID.matcher(value).matches();
	}

	/** Whether {@code candidate} (15 or 18 characters) names the record with 18-character {@code id}. */
	static boolean sameId(String id, String candidate) {
		if (id == null || candidate == null) {
			return false;
		}
		if (candidate.length() == 15) {
			return id.startsWith(candidate);
		}
		return id.equalsIgnoreCase(candidate);
	}
}
