package io.retailhub.contracts.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Holds event payloads to the published JSON Schemas; for tests of any module that emits or
 * reads hub events. It reads the schemas from the classpath only: every
 * {@code https://retailhub.io/schemas/} id, {@code $ref}s included, is mapped to
 * {@code classpath:schemas/}, and nothing is ever fetched over the network. Formats
 * ({@code date-time}, {@code uuid}) are asserted, not just annotated.
 *
 * <p>
 * To use it from another module, depend on this module's test-jar and on the validator (test
 * scope; test dependencies are not transitive):
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.retailhub</groupId>
 *   <artifactId>common-contracts</artifactId>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * <dependency>
 *   <groupId>com.networknt</groupId>
 *   <artifactId>json-schema-validator</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * then validate exactly the bytes the producer put on the record:
 * {@code EventSchemaValidator.instance().assertConforms(ceType, record.value())}.
 *
 * <p>
 * Thread-safe; schemas are loaded once and cached.
 */
public final class EventSchemaValidator {

	private static final EventSchemaValidator INSTANCE = new EventSchemaValidator();

	private final SchemaRegistry registry;

	private final Map<EventType, Schema> schemas = new ConcurrentHashMap<>();

	private EventSchemaValidator() {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder.schemaRegistryConfig(config)
					.schemaLoader(loader -> loader.fetchRemoteResources(false)
						.schemaIdResolvers(ids -> ids.mapPrefix(EventSchemas.ID_BASE,
								"classpath:" + EventSchemas.CLASSPATH_ROOT))));
	}

	/** The shared validator. */
	public static EventSchemaValidator instance() {
		return INSTANCE;
	}

	/**
	 * What is wrong with a payload, one line per violation ({@code <JSON pointer>: <message>}, the
	 * pointer {@code (root)} for the payload itself);
	 * empty when it conforms.
	 */
	public List<String> violations(EventType type, String json) {
		return schema(type).validate(json, InputFormat.JSON).stream().map(EventSchemaValidator::describe).toList();
	}

	/**
	 * Fails with every violation listed unless {@code json} conforms to {@code type}'s schema.
	 * @throws AssertionError when it does not
	 */
	public void assertConforms(EventType type, String json) {
		List<String> violations = violations(type, json);
		if (!violations.isEmpty()) {
			throw new AssertionError(type.type() + " payload does not conform to " + type.schemaId() + ":\n  "
					+ String.join("\n  ", violations) + "\npayload: " + json);
		}
	}

	/**
	 * Checks a Kafka record as received: its {@code ce_type} header must name a known event type
	 * and its value must conform to that type's schema.
	 * @throws AssertionError when the type is unknown or the value does not conform
	 */
	public void assertConforms(String ceType, byte[] value) {
		EventType type = EventType.byType(ceType)
			.orElseThrow(() -> new AssertionError("unknown " + CloudEventHeaders.TYPE + ": " + ceType));
		if (value == null) {
			throw new AssertionError(ceType + " record has no value");
		}
		assertConforms(type, new String(value, StandardCharsets.UTF_8));
	}

	/** The compiled schema of an event type, loaded through the classpath mapping. */
	Schema schema(EventType type) {
		return schemas.computeIfAbsent(type,
				key -> registry.getSchema(SchemaLocation.of(key.schemaId().toString())));
	}

	private static String describe(Error error) {
		String location = error.getInstanceLocation().toString();
		return (location.isEmpty() ? "(root)" : location) + ": " + error.getMessage();
	}
}
