package io.retailhub.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.retailhub.contracts.ActingUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every event type has a schema, and the payloads the records produce satisfy it. */
class EventSchemaTests {

	private final EventSchemaValidator validator = EventSchemaValidator.instance();

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyTypeHasASchemaResourceWhoseIdIsTheTypesSchemaId(EventType type) throws IOException {
		JsonNode schema = schemaDocument(type.schemaResource());

		assertThat(schema.path("$id").asString()).isEqualTo(type.schemaId().toString());
		assertThat(type.schemaId()).isEqualTo(EventSchemas.schemaId(type));
		assertThat(schema.path("$schema").asString()).isEqualTo(EventSchemas.DIALECT);
		assertThat(schema.path("title").asString()).isEqualTo(type.payloadType().getSimpleName());
		assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void schemaDescribesExactlyThePayloadRecordsMembers(EventType type) throws IOException {
		JsonNode schema = schemaDocument(type.schemaResource());
		Set<String> components = Arrays.stream(type.payloadType().getRecordComponents())
			.map(component -> component.getName())
			.collect(Collectors.toSet());

		assertThat(new HashSet<>(schema.path("properties").propertyNames())).isEqualTo(components);
		assertThat(schema.path("required").valueStream().map(JsonNode::asString)).isSubsetOf(components)
			.contains("orderId", "occurredAt");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void sampleOfEveryTypeConformsToItsSchema(EventType type) {
		String json = EventJson.write(EventFixtures.sampleOf(type));

		assertThat(validator.violations(type, json)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void payloadMissingAnyRequiredMemberFailsValidation(EventType type) throws IOException {
		JsonNode schema = schemaDocument(type.schemaResource());
		List<String> required = schema.path("required").valueStream().map(JsonNode::asString).toList();
		assertThat(required).isNotEmpty();

		for (String member : required) {
			ObjectNode payload = (ObjectNode) EventJson.MAPPER.valueToTree(EventFixtures.sampleOf(type));
			payload.remove(member);

			assertThat(validator.violations(type, payload.toString())).as("without %s", member)
				.anySatisfy(violation -> assertThat(violation).contains(member));
		}
	}

	@Test
	void returnReceivedWithoutLineQuantitiesFailsValidation() {
		ObjectNode payload = (ObjectNode) EventJson.MAPPER.valueToTree(EventFixtures.parcelWithTheShirtReceived());
		((ObjectNode) payload.path("lines").path(0)).remove("quantityReceived");

		assertThat(validator.violations(EventType.RETURN_RECEIVED, payload.toString()))
			.anySatisfy(violation -> assertThat(violation).contains("quantityReceived"));
	}

	@Test
	void assertsFormatsEnumsAndMoneyRatherThanMerelyAnnotatingThem() {
		ObjectNode payload = (ObjectNode) EventJson.MAPPER.valueToTree(EventFixtures.returnOfOneShirtAuthorized());
		payload.put("occurredAt", "yesterday");
		payload.put("returnId", "not-a-uuid");
		((ObjectNode) payload.path("estimatedRefund")).put("currency", "usd");
		((ObjectNode) payload.path("lines").path(0)).put("reason", "CHANGED_MIND");

		assertThat(validator.violations(EventType.RETURN_AUTHORIZED, payload.toString())).hasSize(4)
			.anySatisfy(violation -> assertThat(violation).contains("/occurredAt"))
			.anySatisfy(violation -> assertThat(violation).contains("/returnId"))
			.anySatisfy(violation -> assertThat(violation).contains("/estimatedRefund/currency"))
			.anySatisfy(violation -> assertThat(violation).contains("/lines/0/reason"));
	}

	@Test
	void identifiersFollowTheIdentifierAlphabet() {
		ObjectNode payload = (ObjectNode) EventJson.MAPPER.valueToTree(EventFixtures.refundOfTheShirtPosted());
		payload.put("orderId", "WEB/100042");

		assertThat(validator.violations(EventType.REFUND_POSTED, payload.toString()))
			.anySatisfy(violation -> assertThat(violation).contains("/orderId"));
	}

	@Test
	void moneyIsAClosedValue() {
		ObjectNode payload = (ObjectNode) EventJson.MAPPER.valueToTree(EventFixtures.refundOfTheShirtPosted());
		((ObjectNode) payload.path("amount")).put("negative", false);

		assertThat(validator.violations(EventType.REFUND_POSTED, payload.toString()))
			.anySatisfy(violation -> assertThat(violation).contains("/amount").contains("negative"));
	}

	@Test
	void acceptsMembersTheSchemaDoesNotKnowYet() {
		ObjectNode payload = (ObjectNode) EventJson.MAPPER.valueToTree(EventFixtures.refundOfTheShirtPosted());
		payload.put("postedBy", "process-api");

		assertThat(validator.violations(EventType.REFUND_POSTED, payload.toString())).isEmpty();
	}

	@Test
	void whoActedIsOptionalAndReadBack() {
		String withActor = EventJson.write(EventFixtures.returnOfOneShirtRequestedByAnAgent());
		ObjectNode without = (ObjectNode) EventJson.MAPPER.readTree(withActor);
		without.remove("requestedBy");

		assertThat(validator.violations(EventType.RETURN_REQUESTED, withActor)).isEmpty();
		assertThat(validator.violations(EventType.RETURN_REQUESTED, without.toString())).isEmpty();
		assertThat(EventJson.MAPPER.readValue(withActor, ReturnRequested.class).requestedBy())
			.isEqualTo(ActingUser.of("agent:agent.ava"));
		assertThat(EventJson.MAPPER.readValue(without.toString(), ReturnRequested.class).requestedBy()).isNull();
	}

	@Test
	void refusesAnActorThatIsNoRoleAndSubject() {
		ObjectNode payload = (ObjectNode) EventJson.MAPPER.valueToTree(EventFixtures.returnCanceledByAnAgent());
		payload.put("canceledBy", "agent.ava");

		assertThat(validator.violations(EventType.RETURN_CANCELED, payload.toString()))
			.anySatisfy(violation -> assertThat(violation).contains("canceledBy"));
		assertThatThrownBy(() -> ActingUser.of("Agent:ava")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ActingUser.of("agent:")).isInstanceOf(IllegalArgumentException.class);
		assertThat(ActingUser.of("store:store.nyc@STORE-NYC").subject()).isEqualTo("store.nyc@STORE-NYC");
	}

	@Test
	void assertConformsReportsEveryViolationWithTheSchema() {
		assertThatThrownBy(() -> validator.assertConforms(EventType.CASE_CLOSED.type(), "{}".getBytes()))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining(EventType.CASE_CLOSED.schemaId().toString())
			.hasMessageContaining("resolution");
		assertThatThrownBy(() -> validator.assertConforms("io.retailhub.return.teleported.v1", "{}".getBytes()))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("unknown ce_type");
	}

	@Test
	void everySchemaFileBelongsToAnEventType() throws IOException, URISyntaxException {
		Set<String> expected = Arrays.stream(EventType.values())
			.map(EventType::schemaResource)
			.collect(Collectors.toSet());
		URL folder = EventSchemaTests.class.getClassLoader().getResource(EventSchemas.CLASSPATH_ROOT + "events");
		assertThat(folder).isNotNull();

		try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
			assertThat(files.map(file -> EventSchemas.CLASSPATH_ROOT + "events/" + file.getFileName()))
				.containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void sharedSchemasLiveWhereTheirIdsSay() throws IOException {
		for (var id : List.of(EventSchemas.MONEY, EventSchemas.TYPES)) {
			assertThat(schemaDocument(EventSchemas.resourcePath(id)).path("$id").asString()).isEqualTo(id.toString());
		}
	}

	static JsonNode schemaDocument(String resource) throws IOException {
		try (InputStream in = EventSchemaTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as("classpath resource %s", resource).isNotNull();
			return EventJson.MAPPER.readTree(in);
		}
	}
}
