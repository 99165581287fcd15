package io.retailhub.process.returns.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.events.Disposition;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.process.returns.ItemCondition;
import io.retailhub.process.returns.ReturnStatus;
import io.retailhub.process.returns.ReturnView;

/**
 * A return as the API shows it. {@code requestedBy}, {@code canceledBy} and {@code resumedBy} name the
 * person a channel acted for ({@code agent:agent.ava}), null when it named nobody. An in-store return
 * carries its {@code storeId} and, per line, the staff's {@code condition} and
 * {@code recordedDisposition} (the inspection's {@code disposition} follows it).
 */
public record ReturnResponse(UUID id, String returnNumber, String orderId, String customerId, ReturnChannel channel,
		ReturnStatus status, ReturnStatus actionFromStatus, String actionReason, List<Decline> declines,
		String rmaNumber, String caseId, Instant expiresAt, Money returnShippingFee, Money estimatedRefund,
		Money refundAmount, List<Line> lines, Instant requestedAt, Instant updatedAt, Instant closedAt,
		String requestedBy, String canceledBy, String resumedBy, String storeId, ReturnView.Parcel parcel) {

	public record Decline(String lineNumber, String reason, String message) {
	}

	public record Line(String lineNumber, String sku, int quantity, ReturnReason reason, Boolean eligible,
			Money refundableAmount, Money restockingFee, Money promotionShare, Integer quantityExpected,
			int quantityReceived, int quantityDamaged, int quantityRejected, Disposition disposition,
			Integer quantityAccepted, Money refundAmount, ItemCondition condition, Disposition recordedDisposition) {
	}

	static ReturnResponse of(ReturnView view) {
		return new ReturnResponse(view.id(), view.returnNumber(), view.orderId(), view.customerId(), view.channel(),
				view.status(), view.actionFromStatus(), view.actionReason(),
				view.declines().stream().map(d -> new Decline(d.lineNumber(), d.code(), d.message())).toList(),
				view.rmaNumber(), view.caseId(), view.expiresAt(), view.returnShippingFee(), view.estimatedRefund(),
				view.refundAmount(),
				view.lines()
					.stream()
					.map(l -> new Line(l.lineNumber(), l.sku(), l.quantity(), l.reason(), l.eligible(),
							l.refundableAmount(), l.restockingFee(), l.promotionShare(), l.quantityExpected(),
							l.quantityReceived(), l.quantityDamaged(), l.quantityRejected(), l.disposition(),
							l.acceptedQuantity(), l.refundAmount(), l.condition(), l.recordedDisposition()))
					.toList(),
				view.requestedAt(), view.updatedAt(), view.closedAt(), view.requestedBy(), view.canceledBy(),
				view.resumedBy(), view.storeId(), view.parcel());
	}
}
