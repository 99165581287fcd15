package io.retailhub.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTests {

	private static final Map<String, String> TOPIC_BY_AGGREGATE = Map.of("order", Topics.ORDERS, "return",
			Topics.RETURNS, "refund", Topics.REFUNDS, "case", Topics.CASES);

	@Test
	void everyPayloadRecordHasExactlyOneEventType() {
		assertThat(Arrays.stream(EventType.values()).<Class<?>>map(EventType::payloadType))
			.containsExactlyInAnyOrder(DomainEvent.class.getPermittedSubclasses())
			.doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void typesAreReverseDnsVersionedAndPublishedOnTheirAggregatesTopic(EventType type) {
		assertThat(type.type()).matches("io\\.retailhub\\.[a-z]+\\.[a-z]+\\.v[1-9][0-9]*");
		String aggregate = type.type().split("\\.")[2];

		assertThat(type.topic()).isEqualTo(TOPIC_BY_AGGREGATE.get(aggregate));
		assertThat(Topics.ALL).contains(type.topic());
		assertThat(type.schemaResource()).isEqualTo("schemas/events/" + type.type() + ".schema.json");
		assertThat(type.schemaId()).hasToString("https://retailhub.io/schemas/events/" + type.type() + ".schema.json");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void findsTheTypeByItsCloudEventsTypeAndByItsPayload(EventType type) {
		DomainEvent sample = EventFixtures.sampleOf(type);

		assertThat(EventType.byType(type.type())).contains(type);
		assertThat(EventType.of(sample)).isEqualTo(type);
		assertThat(sample.eventType()).isEqualTo(type);
	}

	@Test
	void unknownTypesAreEmptyNotErrors() {
		assertThat(EventType.byType("io.retailhub.return.requested.v9")).isEmpty();
		assertThat(EventType.byType("RETURN_REQUESTED")).isEmpty();
		assertThat(EventType.byType(null)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyEventIsKeyedByItsOrderAndNamesItsAggregate(EventType type) {
		DomainEvent sample = EventFixtures.sampleOf(type);

		assertThat(sample.key()).isEqualTo(EventFixtures.ORDER.value());
		assertThat(sample.aggregate()).matches("(orders|returns|rmas|refunds|cases)/.+");
	}

	@Test
	void theReceiptIsAboutTheRmaBecauseItsPublisherDoesNotKnowTheReturn() {
		assertThat(EventFixtures.parcelWithTheShirtReceived().aggregate()).isEqualTo("rmas/60000123");
		assertThat(EventFixtures.returnOfOneShirtAuthorized().aggregate())
			.isEqualTo("returns/3f2b8c6e-7d1a-4e5b-9c0d-2a4f6e8b1c3d");
	}
}
