package io.retailhub.experience.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.RefundFailed;
import io.retailhub.contracts.events.RefundQueued;
import io.retailhub.contracts.events.ReturnCanceled;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.events.ReturnDeclined;
import io.retailhub.contracts.events.ReturnExpired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventEntriesTests {

	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	private final EventEntries entries = new EventEntries(this.json);

	private final ReturnStory story = ReturnStory.fresh();

	@Test
	void everyEventTypeMakesOneEntryOfItsKind() {
		List<DomainEvent> all = List.of(this.story.placed(), this.story.requested(ReturnChannel.STORE),
				this.story.authorized(),
				new ReturnDeclined(this.story.returnId, this.story.order, this.story.customer,
						List.of(ReturnDeclined.Reason.of("20", ReturnDeclineReason.FINAL_SALE)), Instant.now()),
				this.story.shipped(), this.story.received(), this.story.inspected(),
				new ReturnExpired(this.story.returnId, this.story.order, this.story.rma,
						Instant.parse("2026-04-13T09:27:00Z"), Instant.now()),
				new ReturnCanceled(this.story.returnId, this.story.order, null, ReturnChannel.AGENT, "kept it",
						Instant.now()),
				this.story.closed(), this.story.refundRequested(),
				new RefundQueued(this.story.refund, this.story.returnId, this.story.order, ReturnStory.usd("24.99"),
						"payment provider unavailable", 2, Instant.now(), Instant.now()),
				this.story.refundPosted(),
				new RefundFailed(this.story.refund, this.story.returnId, this.story.order, ReturnStory.usd("24.99"),
						null, "retries exhausted", 8, Instant.now()),
				this.story.caseOpened(), this.story.caseNoted(), this.story.caseClosed());
		assertThat(all).extracting(DomainEvent::eventType).containsExactlyInAnyOrder(EventType.values());

		Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
		for (DomainEvent event : all) {
			NewEntry entry = entryOf(event).orElseThrow();
			kinds.add(entry.kind());
			assertThat(entry.orderId()).isEqualTo(this.story.order.value());
			assertThat(entry.occurredAt()).isEqualTo(event.occurredAt());
			assertThat(entry.title()).isNotBlank();
			assertThat(entry.source()).isEqualTo("process-api");
		}
		assertThat(kinds).doesNotContain(EntryKind.ORDER_SHIPPED, EntryKind.ORDER_DELIVERED, EntryKind.CASE_UPDATED)
			.hasSize(17);
	}

	@Test
	void tellsTheFactInHumanWords() {
		assertThat(entryOf(this.story.inspected()).orElseThrow().title()).isEqualTo("Return inspected: refund 24.99 USD");
		assertThat(entryOf(this.story.shipped()).orElseThrow().title())
			.isEqualTo("Return parcel on its way: USPS 9400111899223100000001");
		assertThat(entryOf(this.story.shipped()).orElseThrow().actor()).isEqualTo("customer:" + this.story.customer);
		assertThat(entryOf(this.story.requested(ReturnChannel.AGENT)).orElseThrow().title())
			.isEqualTo("Return requested for 1 unit (agent)");
		assertThat(entryOf(this.story.caseNoted()).orElseThrow().title())
			.isEqualTo("Case comment: Refund pending: the payment provider is unavailable, it will be retried.");
	}

	@Test
	void showsTheShopperOnlyWhatIsMeantForThem() {
		assertThat(entryOf(this.story.refundPosted()).orElseThrow().shopperVisible()).isTrue();
		assertThat(entryOf(this.story.refundRequested()).orElseThrow().shopperVisible()).isFalse();
		// the refund-pending note is not published to the customer
		assertThat(entryOf(this.story.caseNoted()).orElseThrow().shopperVisible()).isFalse();
		assertThat(entryOf(this.story.caseOpened()).orElseThrow().shopperVisible()).isFalse();
	}

	@Test
	void carriesTheCustomerOnlyWhenTheEventDoes() {
		assertThat(entryOf(this.story.authorized()).orElseThrow().customerId()).isEqualTo(this.story.customer.value());
		assertThat(entryOf(this.story.refundPosted()).orElseThrow().customerId()).isNull();
	}

	@Test
	void readsWhoActedFromAnActorMemberOfAnyEvent() {
		ObjectNode payload = this.json.valueToTree(this.story.caseClosed());
		payload.put("actor", "agent:agent.sam");
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), EventType.CASE_CLOSED.type(),
				"process-api", 3, this.json.writeValueAsBytes(payload));

		assertThat(this.entries.entryOf(envelope).orElseThrow().actor()).isEqualTo("agent:agent.sam");
	}

	@Test
	void ignoresATypeItDoesNotKnow() {
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "io.retailhub.loyalty.adjusted.v1",
				"process-api", 1, "{}".getBytes(StandardCharsets.UTF_8));

		assertThat(this.entries.entryOf(envelope)).isEmpty();
	}

	@Test
	void refusesAPayloadThatBreaksItsContract() {
		// orderId missing
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), EventType.CASE_CLOSED.type(),
				"process-api", 1,
				"{\"caseId\":\"500X\",\"externalId\":\"x\",\"resolution\":\"done\",\"occurredAt\":\"2026-03-14T09:27:00Z\"}"
					.getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(PoisonEvent.class).isThrownBy(() -> this.entries.entryOf(envelope));
	}

	private Optional<NewEntry> entryOf(DomainEvent event) {
		return this.entries.entryOf(new EventEnvelope(UUID.randomUUID().toString(), event.eventType().type(),
				"process-api", 1, this.json.writeValueAsBytes(event)));
	}

}
