package io.retailhub.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.RefundId;

/**
 * The refund succeeded at the payment provider ({@code providerRefundId}) and its credit memo is
 * posted in ERP ({@code creditMemoId}). Published by process-api, once per refund. Terminal for
 * the refund.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundPosted(HubRefundId refundId, ReturnId returnId, OrderId orderId, Money amount,
		RefundId providerRefundId, CreditMemoId creditMemoId, Instant occurredAt) implements DomainEvent {

	public RefundPosted {
		Checks.present(refundId, "refundId");
		Checks.present(orderId, "orderId");
		Checks.present(amount, "amount");
		Checks.present(providerRefundId, "providerRefundId");
		Checks.present(creditMemoId, "creditMemoId");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "refunds/" + refundId;
	}
}
