package io.retailhub.experience.timeline;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.events.CaseClosed;
import io.retailhub.contracts.events.CaseOpened;
import io.retailhub.contracts.events.CaseUpdated;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.OrderConfirmed;
import io.retailhub.contracts.events.RefundFailed;
import io.retailhub.contracts.events.RefundPosted;
import io.retailhub.contracts.events.RefundQueued;
import io.retailhub.contracts.events.RefundRequested;
import io.retailhub.contracts.events.ReturnAuthorized;
import io.retailhub.contracts.events.ReturnCanceled;
import io.retailhub.contracts.events.ReturnClosed;
import io.retailhub.contracts.events.ReturnDeclined;
import io.retailhub.contracts.events.ReturnExpired;
import io.retailhub.contracts.events.ReturnId;
import io.retailhub.contracts.events.ReturnInspected;
import io.retailhub.contracts.events.ReturnItem;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.events.ReturnRequested;
import io.retailhub.contracts.events.ReturnShipped;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a hub event into its timeline entry: kind, human title, the payload as detail, who did it.
 * Every event type of {@link EventType} has one entry; a type this version does not know has none.
 */
@Component
class EventEntries {

	/**
	 * Payload members that name the person behind a fact as {@code <role>:<subject>}
	 * ({@code "requestedBy": "agent:agent.ava"} on return.requested, {@code canceledBy} on
	 * return.canceled; {@code actor} for any later addition): optional, read when present.
	 */
	static final String[] ACTOR_MEMBERS = { "requestedBy", "canceledBy", "shippedBy", "actor", "actingUser" };

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final JsonMapper json;

	EventEntries(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The entry an event makes; empty for a type this version does not know.
	 * @throws PoisonEvent when the payload is not its type's JSON
	 */
	Optional<NewEntry> entryOf(EventEnvelope envelope) {
		Optional<EventType> type = EventType.byType(envelope.type());
		if (type.isEmpty()) {
			return Optional.empty();
		}
		DomainEvent event;
		JsonNode tree;
		try {
			tree = this.json.readTree(envelope.payload());
			event = this.json.treeToValue(tree, type.get().payloadType());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PoisonEvent("event " + envelope.id() + " (" + envelope.type() + ") has an unreadable payload: "
					+ ex.getMessage(), ex);
		}
		if (event == null || !tree.isObject()) {
			throw new PoisonEvent("event " + envelope.id() + " (" + envelope.type() + ") has no payload object");
		}
		Fact fact = fact(event);
		return Optional.of(new NewEntry(envelope.id(), event.orderId().value(), fact.customerId(), fact.returnId(),
				event.occurredAt(), fact.kind(), truncate(fact.title()), tree.toString(), actor(tree, event),
				envelope.source(), envelope.sequence(), fact.shopperVisible()));
	}

	private Fact fact(DomainEvent event) {
		if (event instanceof OrderConfirmed e) {
			return new Fact(EntryKind.ORDER_PLACED, "Order placed (" + words(e.channel().name())
					+ "), " + e.lines().size() + " line" + plural(e.lines().size()) + ", total " + money(e.total()),
					e.customerId().value(), null);
		}
		if (event instanceof ReturnRequested e) {
			return new Fact(EntryKind.RETURN_REQUESTED, "Return requested for "
					+ units(e.lines().stream().mapToInt(ReturnItem::quantity).sum()) + " (" + words(e.channel().name())
					+ ")", e.customerId().value(), e.returnId());
		}
		if (event instanceof ReturnAuthorized e) {
			return new Fact(EntryKind.RETURN_AUTHORIZED, "Return authorized: RMA " + e.rmaNumber()
					+ ", ship by " + DAY.format(e.expiresAt()) + ", estimated refund " + money(e.estimatedRefund()),
					e.customerId().value(), e.returnId());
		}
		if (event instanceof ReturnDeclined e) {
			return new Fact(EntryKind.RETURN_DECLINED, "Return declined: " + e.reasons()
				.stream()
				.map(ReturnDeclined.Reason::message)
				.collect(Collectors.joining("; ")), e.customerId().value(), e.returnId());
		}
		if (event instanceof ReturnShipped e) {
			return new Fact(EntryKind.RETURN_SHIPPED, "Return parcel on its way: " + e.carrier() + " "
					+ e.trackingCode(), e.customerId().value(), e.returnId());
		}
		if (event instanceof ReturnReceived e) {
			return new Fact(EntryKind.RETURN_RECEIVED, "Return parcel received for RMA "
					+ e.rmaNumber() + ": " + units(e.lines().stream().mapToInt(ReturnReceived.Line::quantityReceived).sum()),
					null, null);
		}
		if (event instanceof ReturnInspected e) {
			return new Fact(EntryKind.RETURN_INSPECTED, "Return inspected: refund "
					+ money(e.refundAmount()), null, e.returnId());
		}
		if (event instanceof ReturnExpired e) {
			return new Fact(EntryKind.RETURN_EXPIRED, "Return expired: nothing arrived by "
					+ DAY.format(e.expiresAt()), null, e.returnId());
		}
		if (event instanceof ReturnCanceled e) {
			return new Fact(EntryKind.RETURN_CANCELED, "Return canceled (" + words(e.channel().name())
					+ ")" + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason()), null, e.returnId());
		}
		if (event instanceof ReturnClosed e) {
			return new Fact(EntryKind.RETURN_CLOSED, "Return closed, refunded "
					+ money(e.refundedAmount()), null, e.returnId());
		}
		if (event instanceof RefundRequested e) {
			return new Fact(EntryKind.REFUND_REQUESTED, "Refund of " + money(e.amount())
					+ " requested", null, e.returnId());
		}
		if (event instanceof RefundQueued e) {
			return new Fact(EntryKind.REFUND_QUEUED, "Refund of " + money(e.amount())
					+ " waiting (attempt " + e.attempts() + "): " + e.reason(), null, e.returnId());
		}
		if (event instanceof RefundPosted e) {
			return new Fact(EntryKind.REFUND_POSTED, "Refund of " + money(e.amount()) + " issued",
					null, e.returnId());
		}
		if (event instanceof RefundFailed e) {
			return new Fact(EntryKind.REFUND_FAILED, "Refund of " + money(e.amount())
					+ " failed, to be refunded by hand: " + e.reason(), null, e.returnId());
		}
		if (event instanceof CaseOpened e) {
			return new Fact(EntryKind.CASE_OPENED, "Case " + (e.caseNumber() != null ? e.caseNumber()
					: e.caseId().value()) + " opened: " + e.subject(), e.customerId().value(), e.returnId());
		}
		if (event instanceof CaseUpdated e) {
			return e.comment() != null && !e.comment().isBlank()
					? new Fact(EntryKind.CASE_COMMENTED, "Case comment: " + e.comment(), null, (ReturnId) null, e.published())
					: new Fact(EntryKind.CASE_UPDATED, "Case status " + words(e.status().name()), null, null);
		}
		if (event instanceof CaseClosed e) {
			return new Fact(EntryKind.CASE_CLOSED, "Case closed: " + e.resolution(), null, null);
		}
		throw new IllegalStateException("no entry for " + event.eventType());
	}

	private static String actor(JsonNode tree, DomainEvent event) {
		for (String member : ACTOR_MEMBERS) {
			JsonNode actor = tree.get(member);
			if (actor != null && actor.isString() && !actor.asString().isBlank()) {
				return truncate(actor.asString(), 200);
			}
			if (actor != null && actor.isObject()) {
				// {"role": "agent", "subject": "agent.ava"}
				JsonNode role = actor.get("role");
				JsonNode subject = actor.get("subject");
				if (subject != null && subject.isString()) {
					return truncate((role != null && role.isString() ? role.asString() + ":" : "") + subject.asString(),
							200);
				}
			}
		}
		return null;
	}

	static String money(Money money) {
		return money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
	}

	private static String units(int units) {
		return units + " unit" + plural(units);
	}

	private static String plural(int count) {
		return count == 1 ? "" : "s";
	}

	/** {@code STORE} as "store", {@code CLOSED} as "closed". */
	private static String words(String constant) {
		return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String truncate(String title) {
		return truncate(title, 300);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private record Fact(EntryKind kind, String title, String customerId, UUID returnId, boolean shopperVisible) {

		Fact(EntryKind kind, String title, String customerId, ReturnId returnId) {
			this(kind, title, customerId, returnId == null ? null : returnId.value(), kind.shopperVisible());
		}

		Fact(EntryKind kind, String title, String customerId, ReturnId returnId, boolean shopperVisible) {
			this(kind, title, customerId, returnId == null ? null : returnId.value(), shopperVisible);
		}

	}

}
