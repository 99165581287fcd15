package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;

/**
 * The refund is parked: the payment provider (or ERP, for the credit memo) is unavailable. It
 * retries by itself at {@code nextAttemptAt}, with back-off; nobody needs to act. Published by
 * process-api each time the refund parks, so it may repeat with a growing {@code attempts}.
 * {@code reason} is an operator-readable cause, not a customer message.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundQueued(HubRefundId refundId, ReturnId returnId, OrderId orderId, Money amount,
		String reason, int attempts, Instant nextAttemptAt, Instant occurredAt) implements DomainEvent {

	public RefundQueued {
		Checks.present(refundId, "refundId");
		Checks.present(orderId, "orderId");
		Checks.present(amount, "amount");
		Checks.text(reason, "reason");
		Checks.positive(attempts, "attempts");
		Checks.present(nextAttemptAt, "nextAttemptAt");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "refunds/" + refundId;
	}
}
