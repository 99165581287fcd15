package io.retailhub.contracts.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the published language. A type binds the CloudEvents {@code type}
 * attribute (reverse-DNS, versioned: {@code io.retailhub.<aggregate>.<fact>.v<n>}), the topic
 * it is published on, the payload record and the JSON Schema the payload satisfies.
 *
 * <p>
 * A type string never changes meaning: an incompatible change is a new constant with a new
 * {@code .v<n>}, published beside the old one until every consumer has moved.
 */
public enum EventType {

	/** ERP confirmed an order; published by process-api from its ERP order feed. */
	ORDER_CONFIRMED("io.retailhub.order.confirmed.v1", Topics.ORDERS, OrderConfirmed.class),

	/** A return was asked for (not yet judged); published by process-api. */
	RETURN_REQUESTED("io.retailhub.return.requested.v1", Topics.RETURNS, ReturnRequested.class),

	/** The return is eligible and has an RMA in ERP; the customer may ship. */
	RETURN_AUTHORIZED("io.retailhub.return.authorized.v1", Topics.RETURNS, ReturnAuthorized.class),

	/** The return is not eligible; the reasons can be shown to the customer. */
	RETURN_DECLINED("io.retailhub.return.declined.v1", Topics.RETURNS, ReturnDeclined.class),

	/** The authorized return's parcel was handed to a carrier: it is on its way back. */
	RETURN_SHIPPED("io.retailhub.return.shipped.v1", Topics.RETURNS, ReturnShipped.class),

	/** The warehouse received a parcel for an RMA; published by system-api from the WMS webhook. */
	RETURN_RECEIVED("io.retailhub.return.received.v1", Topics.RETURNS, ReturnReceived.class),

	/** Every received unit has a disposition and the refund amount is known. */
	RETURN_INSPECTED("io.retailhub.return.inspected.v1", Topics.RETURNS, ReturnInspected.class),

	/** The authorized return was not received within the policy's days. */
	RETURN_EXPIRED("io.retailhub.return.expired.v1", Topics.RETURNS, ReturnExpired.class),

	/** The return was canceled before the warehouse received it. */
	RETURN_CANCELED("io.retailhub.return.canceled.v1", Topics.RETURNS, ReturnCanceled.class),

	/** The return is complete: refunded (or nothing to refund) and its case closed. */
	RETURN_CLOSED("io.retailhub.return.closed.v1", Topics.RETURNS, ReturnClosed.class),

	/** The hub decided to refund an amount; nothing has been sent to the payment provider yet. */
	REFUND_REQUESTED("io.retailhub.refund.requested.v1", Topics.REFUNDS, RefundRequested.class),

	/** The refund is parked (payment provider unavailable) and will be retried by itself. */
	REFUND_QUEUED("io.retailhub.refund.queued.v1", Topics.REFUNDS, RefundQueued.class),

	/** The money went back to the customer and the credit memo is posted in ERP. */
	REFUND_POSTED("io.retailhub.refund.posted.v1", Topics.REFUNDS, RefundPosted.class),

	/** The refund could not be made automatically; a person must refund by hand. */
	REFUND_FAILED("io.retailhub.refund.failed.v1", Topics.REFUNDS, RefundFailed.class),

	/** A CRM case exists for the hub's work (created or found by external ID). */
	CASE_OPENED("io.retailhub.case.opened.v1", Topics.CASES, CaseOpened.class),

	/** A case changed status or received a comment. */
	CASE_UPDATED("io.retailhub.case.updated.v1", Topics.CASES, CaseUpdated.class),

	/** A case was closed. */
	CASE_CLOSED("io.retailhub.case.closed.v1", Topics.CASES, CaseClosed.class);

	private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

	private static final Map<Class<? extends DomainEvent>, EventType> BY_PAYLOAD = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

	private final String type;

	private final String topic;

	private final Class<? extends DomainEvent> payloadType;

	private final String schemaResource;

	private final URI schemaId;

	EventType(String type, String topic, Class<? extends DomainEvent> payloadType) {
		this.type = type;
		this.topic = topic;
		this.payloadType = payloadType;
		String path = EventSchemas.eventSchemaPath(type);
		this.schemaResource = EventSchemas.CLASSPATH_ROOT + path;
		this.schemaId = URI.create(EventSchemas.ID_BASE + path);
	}

	/** The CloudEvents {@code type} attribute ({@code ce_type} header). */
	public String type() {
		return type;
	}

	/** The topic every event of this type is published on. */
	public String topic() {
		return topic;
	}

	/** The payload record the record value deserializes to. */
	public Class<? extends DomainEvent> payloadType() {
		return payloadType;
	}

	/**
	 * The classpath resource of this type's JSON Schema, e.g.
	 * {@code schemas/events/io.retailhub.return.requested.v1.schema.json}.
	 */
	public String schemaResource() {
		return schemaResource;
	}

	/** The {@code $id} of this type's JSON Schema, published as {@code ce_dataschema}. */
	public URI schemaId() {
		return schemaId;
	}

	/** The event type with this CloudEvents {@code type}; empty for types this version does not know. */
	public static Optional<EventType> byType(String type) {
		return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
	}

	/** The event type of a payload. */
	public static EventType of(DomainEvent event) {
		return BY_PAYLOAD.get(Checks.present(event, "event").getClass());
	}
}
