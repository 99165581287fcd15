package io.retailhub.experience.downstream;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.retailhub.contracts.Money;

/**
 * A return as the process API answers it (the members experience-api uses; others are ignored).
 * {@code status} is the process layer's: REQUESTED, AUTHORIZED, DECLINED, PARTIALLY_RECEIVED,
 * RECEIVED, INSPECTED, REFUNDING, CLOSED, EXPIRED, CANCELED, REQUIRES_ACTION. {@code requestedBy},
 * {@code canceledBy} and {@code resumedBy} name the person ({@code agent:agent.ava}) the process
 * layer recorded from {@code X-Acting-User}; {@code storeId} the store of an in-store return;
 * {@code parcel} the parcel on its way back, once the shopper handed it to a carrier.
 */
public record ProcessReturn(UUID id, String returnNumber, String orderId, String customerId, String channel,
		String status, String actionFromStatus, String actionReason, List<Decline> declines, String rmaNumber,
		String caseId, Instant expiresAt, Money returnShippingFee, Money estimatedRefund, Money refundAmount,
		List<Line> lines, Instant requestedAt, Instant updatedAt, Instant closedAt, String requestedBy,
		String canceledBy, String resumedBy, String storeId, Parcel parcel) {

	/** Still running: neither ended nor waiting for a person. */
	private static final Set<String> ENDED = Set.of("DECLINED", "CLOSED", "EXPIRED", "CANCELED");

	/** Before the warehouse received anything: the return can still be canceled. */
	private static final Set<String> CANCELABLE = Set.of("REQUESTED", "AUTHORIZED");

	public ProcessReturn {
		declines = declines == null ? List.of() : List.copyOf(declines);
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	/** A return without who did what, nor a store (as the timeline read model knows one). */
	public ProcessReturn(UUID id, String returnNumber, String orderId, String customerId, String channel,
			String status, String actionFromStatus, String actionReason, List<Decline> declines, String rmaNumber,
			String caseId, Instant expiresAt, Money returnShippingFee, Money estimatedRefund, Money refundAmount,
			List<Line> lines, Instant requestedAt, Instant updatedAt, Instant closedAt) {
		this(id, returnNumber, orderId, customerId, channel, status, actionFromStatus, actionReason, declines,
				rmaNumber, caseId, expiresAt, returnShippingFee, estimatedRefund, refundAmount, lines, requestedAt,
				updatedAt, closedAt, null, null, null, null, null);
	}

	public boolean ended() {
		return ENDED.contains(this.status);
	}

	/** Until the parcel is on its way back or the warehouse received something. */
	public boolean cancelable() {
		return CANCELABLE.contains(this.status) && this.parcel == null;
	}

	/** On its way back: authorized, its parcel handed to a carrier, nothing received yet. */
	public boolean onItsWay() {
		return "AUTHORIZED".equals(this.status) && this.parcel != null;
	}

	public boolean needsAPerson() {
		return "REQUIRES_ACTION".equals(this.status);
	}

	public record Decline(String lineNumber, String reason, String message) {
	}

	/** The parcel on its way back: carrier, tracking code, when it was handed over, who recorded it. */
	public record Parcel(String carrier, String trackingCode, Instant shippedAt, String recordedBy) {
	}

	/**
	 * A line of the return; {@code condition} and {@code recordedDisposition} are the store staff's
	 * inspection at the counter (store returns only).
	 */
	public record Line(String lineNumber, String sku, int quantity, String reason, Boolean eligible,
			Money refundableAmount, Integer quantityExpected, int quantityReceived, Integer quantityAccepted,
			String disposition, Money refundAmount, String condition, String recordedDisposition) {
	}
}
