package io.retailhub.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.retailhub.contracts.Money;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How payloads look on the wire, and that consumers read what producers write, today and after additions. */
class EventJsonTests {

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyTypeSurvivesARoundTrip(EventType type) {
		DomainEvent sent = EventFixtures.sampleOf(type);

		DomainEvent received = EventJson.MAPPER.readValue(EventJson.write(sent), type.payloadType());

		assertThat(received).isEqualTo(sent);
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void wireMembersAreTheRecordComponentsOnly(EventType type) {
		JsonNode json = EventJson.MAPPER.valueToTree(EventFixtures.sampleOf(type));

		assertThat(json.propertyNames()).allSatisfy(member -> assertThat(Arrays.stream(type.payloadType()
			.getRecordComponents()).map(component -> component.getName())).contains(member))
			.doesNotContain("aggregate", "key", "eventType");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void consumersIgnoreMembersAddedLater(EventType type) {
		ObjectNode json = EventJson.MAPPER.valueToTree(EventFixtures.sampleOf(type));
		json.put("addedInALaterRelease", "x");
		json.putObject("anotherAddition").put("nested", 1);

		DomainEvent received = EventJson.MAPPER.readValue(json.toString(), type.payloadType());

		assertThat(received).isEqualTo(EventFixtures.sampleOf(type));
	}

	@Test
	void consumersIgnoreMembersAddedToLines() {
		ObjectNode json = EventJson.MAPPER.valueToTree(EventFixtures.shirtRestockedAndRefundable());
		((ObjectNode) json.path("lines").path(0)).put("inspector", "jdoe");
		ObjectNode requested = EventJson.MAPPER.valueToTree(EventFixtures.returnOfOneShirtRequestedOnThePortal());
		((ObjectNode) requested.path("lines").path(0)).put("comment", "too tight");

		assertThat(EventJson.MAPPER.readValue(json.toString(), ReturnInspected.class))
			.isEqualTo(EventFixtures.shirtRestockedAndRefundable());
		assertThat(EventJson.MAPPER.readValue(requested.toString(), ReturnRequested.class))
			.isEqualTo(EventFixtures.returnOfOneShirtRequestedOnThePortal());
	}

	@Test
	void moneyIsAnAmountAndACurrencyAndNothingElse() {
		JsonNode refund = EventJson.MAPPER.valueToTree(EventFixtures.refundOfTheShirtPosted());
		JsonNode order = EventJson.MAPPER.valueToTree(EventFixtures.orderOfTwoShirtsAndAMug());

		assertThat(refund.path("amount").toString()).isEqualTo("{\"amount\":24.99,\"currency\":\"USD\"}");
		assertThat(order.path("lines").path(0).path("netAmount").toString())
			.isEqualTo("{\"amount\":54.98,\"currency\":\"USD\"}");
	}

	@Test
	void identifiersAreBareStringsAndTimesAreRfc3339() {
		JsonNode json = EventJson.MAPPER.valueToTree(EventFixtures.returnOfOneShirtAuthorized());

		assertThat(json.path("returnId").asString()).isEqualTo("3f2b8c6e-7d1a-4e5b-9c0d-2a4f6e8b1c3d");
		assertThat(json.path("orderId").asString()).isEqualTo("WEB-100042");
		assertThat(json.path("rmaNumber").asString()).isEqualTo("60000123");
		assertThat(json.path("lines").path(0).path("sku").asString()).isEqualTo("TS-BLU-M");
		assertThat(json.path("occurredAt").asString()).isEqualTo("2026-03-14T09:27:00Z");
	}

	@Test
	void absentOptionalMembersAreLeftOutNotNull() {
		JsonNode json = EventJson.MAPPER.valueToTree(EventFixtures.refundFailedAfterRetriesRanOut());

		assertThat(json.has("providerRefundId")).isFalse();
	}

	@Test
	void aPayloadWithoutARequiredMemberCannotBeRead() {
		ObjectNode json = EventJson.MAPPER.valueToTree(EventFixtures.returnOfOneShirtRequestedOnThePortal());
		json.remove("customerId");

		assertThatThrownBy(() -> EventJson.MAPPER.readValue(json.toString(), ReturnRequested.class))
			.isInstanceOf(DatabindException.class)
			.hasMessageContaining("customerId is required");
	}
}
