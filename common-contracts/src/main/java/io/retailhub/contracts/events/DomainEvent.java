package io.retailhub.contracts.events;

import java.time.Instant;

import io.retailhub.contracts.OrderId;

/**
 * A payload of the hub's published event language: a fact, named in the past tense, that one
 * service announces and any other may react to. Each implementation has exactly one
 * {@link EventType}, which names its CloudEvents type, topic and JSON Schema.
 *
 * <p>
 * Contract for every payload: it is immutable; its required members are checked when it is
 * built, so an invalid payload cannot be published or read; optional members are left out of
 * the JSON when absent (never {@code null}); unknown members are ignored when reading, so
 * producers may add members without breaking consumers.
 */
public sealed interface DomainEvent permits OrderConfirmed, ReturnRequested, ReturnAuthorized, ReturnDeclined,
		ReturnShipped, ReturnReceived, ReturnInspected, ReturnExpired, ReturnCanceled, ReturnClosed, RefundRequested, RefundQueued,
		RefundPosted, RefundFailed, CaseOpened, CaseUpdated, CaseClosed {

	/** The order the event belongs to; its value is the Kafka record key. */
	OrderId orderId();

	/** When the fact happened in the producing service; published as {@code ce_time}. */
	Instant occurredAt();

	/**
	 * The aggregate the event is about, as {@code <kind>/<id>} ({@code orders/WEB-100042},
	 * {@code returns/<uuid>}, {@code rmas/<rma number>}, {@code refunds/<uuid>}, {@code cases/<id>}).
	 * Published as the CloudEvents {@code subject} ({@code ce_subject}); the scope of
	 * {@code ce_sequence}. Not part of the payload JSON.
	 */
	String aggregate();

	/** The Kafka record key: the order ID, so one order's events stay on one partition, in order. */
	default String key() {
		return orderId().value();
	}

	/** This payload's event type. */
	default EventType eventType() {
		return EventType.of(this);
	}
}
