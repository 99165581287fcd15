package io.retailhub.experience.downstream;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.retailhub.contracts.Money;

/**
 * A return as the process API answers it (the members experience-api uses; others are ignored).
 * {@code status} is the process layer's: REQUESTED, AUTHORIZED, DECLINED, PARTIALLY_RECEIVED,
 * RECEIVED, INSPECTED, REFUNDING, CLOSED, EXPIRED, CANCELED, REQUIRES_ACTION.
 */
public record ProcessReturn(UUID id, String returnNumber, String orderId, String customerId, String channel,
		String status, String actionFromStatus, String actionReason, List<Decline> declines, String rmaNumber,
		String caseId, Instant expiresAt, Money returnShippingFee, Money estimatedRefund, Money refundAmount,
		List<Line> lines, Instant requestedAt, Instant updatedAt, Instant closedAt) {

	/** Still running: neither ended nor waiting for a person. */
	private static final Set<String> ENDED = Set.of("DECLINED", "CLOSED", "EXPIRED", "CANCELED");

	/** Before the warehouse received anything: the return can still be canceled. */
	private static final Set<String> CANCELABLE = Set.of("REQUESTED", "AUTHORIZED");

	public ProcessReturn {
		declines = declines == null ? List.of() : List.copyOf(declines);
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	public boolean ended() {
		return ENDED.contains(this.status);
	}

	public boolean cancelable() {
		return CANCELABLE.contains(this.status);
	}

	public boolean needsAPerson() {
		return "REQUIRES_ACTION".equals(this.status);
	}

	public record Decline(String lineNumber, String reason, String message) {
	}

	public record Line(String lineNumber, String sku, int quantity, String reason, Boolean eligible,
			Money refundableAmount, Integer quantityExpected, int quantityReceived, Integer quantityAccepted,
			String disposition, Money refundAmount) {
	}
}
