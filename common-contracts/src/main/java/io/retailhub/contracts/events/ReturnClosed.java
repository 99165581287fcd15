package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;

/**
 * The return is complete: received, inspected, refunded (when anything was refundable) and its
 * case closed. Published by process-api after {@link RefundPosted}, or right after
 * {@link ReturnInspected} when nothing is refundable. Terminal. {@code refundId} is absent when
 * nothing was refunded; {@code refundedAmount} is then zero.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnClosed(ReturnId returnId, OrderId orderId, ReturnAuthorizationId rmaNumber, HubRefundId refundId,
		Money refundedAmount, Instant occurredAt) implements DomainEvent {

	public ReturnClosed {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(rmaNumber, "rmaNumber");
		Checks.present(refundedAmount, "refundedAmount");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}
}
