package io.retailhub.process.refunds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Money;

/**
 * A refund as the rest of process-api and its API see it.
 *
 * @param idempotencyKey the key every submission to the payment provider carries
 * @param submissions how often the refund was sent to the provider
 * @param failureReason why the last attempt did not succeed, or why a person must refund
 */
public record RefundView(UUID id, UUID returnId, String orderId, String returnNumber, String rmaNumber, Money amount,
		RefundStatus status, String idempotencyKey, String providerRefundId, String creditMemoId,
		String failureReason, int submissions, List<Line> lines, Instant createdAt, Instant updatedAt,
		Instant completedAt) {

	public record Line(String lineNumber, int quantity, Money amount) {
	}

	static RefundView of(Refund refund) {
		Money amount = refund.amount();
		return new RefundView(refund.id(), refund.returnId(), refund.orderId().value(), refund.returnNumber(),
				refund.rmaNumber().map(r -> r.value()).orElse(null), amount, refund.status(), refund.idempotencyKey(),
				refund.providerRefundId().map(r -> r.value()).orElse(null),
				refund.creditMemoId().map(c -> c.value()).orElse(null), refund.failureReason(), refund.submissions(),
				refund.lines()
					.stream()
					.map(l -> new Line(l.lineNumber(), l.quantity(), new Money(l.amount(), amount.currency())))
					.toList(),
				refund.createdAt(), refund.updatedAt(), refund.completedAt());
	}
}
