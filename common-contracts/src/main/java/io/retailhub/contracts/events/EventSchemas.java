package io.retailhub.contracts.events;

import java.net.URI;

/**
 * Where the JSON Schemas of the event language live. Every schema's {@code $id} is an
 * {@code https://retailhub.io/schemas/...} URI that is never fetched: the same path under
 * {@link #CLASSPATH_ROOT} in this jar holds the document, so a validator maps the
 * {@link #ID_BASE} prefix to the classpath and resolves every {@code $ref} offline.
 */
public final class EventSchemas {

	/** Prefix of every schema {@code $id}. */
	public static final String ID_BASE = "https://retailhub.io/schemas/";

	/** Classpath folder that mirrors {@link #ID_BASE}. */
	public static final String CLASSPATH_ROOT = "schemas/";

	/** The JSON Schema dialect of every schema. */
	public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

	/** Shared definition of {@link io.retailhub.contracts.Money}: {@code {"amount": 12.30, "currency": "USD"}}. */
	public static final URI MONEY = URI.create(ID_BASE + "common/money.schema.json");

	/** Shared definitions of identifiers, quantities, timestamps and enums used by the event schemas. */
	public static final URI TYPES = URI.create(ID_BASE + "common/types.schema.json");

	private EventSchemas() {
	}

	/** The schema {@code $id} of an event type: {@code https://retailhub.io/schemas/events/<type>.schema.json}. */
	public static URI schemaId(EventType type) {
		return type.schemaId();
	}

	/** The classpath resource holding an event type's schema: {@code schemas/events/<type>.schema.json}. */
	public static String resourcePath(EventType type) {
		return type.schemaResource();
	}

	/**
	 * The classpath resource of any hub schema {@code $id}.
	 * @throws IllegalArgumentException for an id outside {@link #ID_BASE}
	 */
	public static String resourcePath(URI schemaId) {
		String id = schemaId.toString();
		if (!id.startsWith(ID_BASE)) {
			throw new IllegalArgumentException("not a hub schema id: " + id);
		}
		return CLASSPATH_ROOT + id.substring(ID_BASE.length());
	}

	static String eventSchemaPath(String type) {
		return "events/" + type + ".schema.json";
	}
}
