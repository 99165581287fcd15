package io.retailhub.contracts;

import java.time.Instant;

/**
 * Money sent back to the customer through the payment provider. {@code reference} is the hub's
 * own key for the refund (for example a return ID), recorded with the provider so the refund can
 * be found again after an ambiguous failure.
 */
public record Refund(RefundId id, OrderId orderId, String paymentReference, String reference, Money amount,
		RefundStatus status, String failureReason, Instant createdAt) {
}
