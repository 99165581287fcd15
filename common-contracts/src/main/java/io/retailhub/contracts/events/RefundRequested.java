package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;

/**
 * The hub decided to refund {@code amount} to the customer and stored the refund's idempotency
 * key; nothing has reached the payment provider yet. Published by process-api. {@code returnId}
 * is absent for refunds that no return caused (a damaged-item claim, a goodwill refund).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundRequested(HubRefundId refundId, ReturnId returnId, OrderId orderId, Money amount,
		Instant occurredAt) implements DomainEvent {

	public RefundRequested {
		Checks.present(refundId, "refundId");
		Checks.present(orderId, "orderId");
		Checks.present(amount, "amount");
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("amount must be positive");
		}
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "refunds/" + refundId;
	}
}
