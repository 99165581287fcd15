package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.RefundId;

/**
 * The refund cannot complete by itself: the provider refused it, or retries ran out after
 * {@code attempts}. A person must refund by hand (the workflow waits in manual-refund-required);
 * no money moved unless {@code providerRefundId} says the provider holds a failed refund.
 * Published by process-api. {@code reason} is operator-readable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundFailed(HubRefundId refundId, ReturnId returnId, OrderId orderId, Money amount,
		RefundId providerRefundId, String reason, int attempts, Instant occurredAt) implements DomainEvent {

	public RefundFailed {
		Checks.present(refundId, "refundId");
		Checks.present(orderId, "orderId");
		Checks.present(amount, "amount");
		Checks.text(reason, "reason");
		Checks.positive(attempts, "attempts");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "refunds/" + refundId;
	}
}
