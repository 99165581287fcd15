package io.retailhub.process.refunds.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Money;
import io.retailhub.process.refunds.RefundStatus;
import io.retailhub.process.refunds.RefundView;

/** A refund as the API shows it, with what ops need to follow it up. */
public record RefundResponse(UUID id, UUID returnId, String orderId, String returnNumber, String rmaNumber,
		Money amount, RefundStatus status, String idempotencyKey, String providerRefundId, String creditMemoId,
		String failureReason, int submissions, List<Line> lines, Instant createdAt, Instant updatedAt,
		Instant completedAt) {

	public record Line(String lineNumber, int quantity, Money amount) {
	}

	static RefundResponse of(RefundView view) {
		return new RefundResponse(view.id(), view.returnId(), view.orderId(), view.returnNumber(), view.rmaNumber(),
				view.amount(), view.status(), view.idempotencyKey(), view.providerRefundId(), view.creditMemoId(),
				view.failureReason(), view.submissions(),
				view.lines().stream().map(l -> new Line(l.lineNumber(), l.quantity(), l.amount())).toList(),
				view.createdAt(), view.updatedAt(), view.completedAt());
	}
}
