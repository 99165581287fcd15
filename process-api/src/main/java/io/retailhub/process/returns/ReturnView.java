package io.retailhub.process.returns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.events.Disposition;
import io.retailhub.contracts.events.ReturnChannel;

/**
 * A return as the rest of process-api and its API see it: a read-only snapshot.
 *
 * @param actionFromStatus where the return was when it started to require action
 * @param declines why it was declined, worded for the customer
 * @param estimatedRefund what the requested quantities would refund, once judged
 * @param refundAmount what the received and accepted quantities refund, once inspected
 * @param requestedBy who asked ({@code <role>:<subject>}), null when the channel named nobody
 * @param canceledBy who canceled, null likewise
 * @param resumedBy who last sent it back from REQUIRES_ACTION, null likewise
 * @param storeId the store that took an in-store return at its counter, null for any other
 * @param parcel the parcel on its way back, once the shopper handed it to a carrier; null before
 */
public record ReturnView(UUID id, String returnNumber, String orderId, String customerId, ReturnChannel channel,
		ReturnStatus status, ReturnStatus actionFromStatus, String actionReason, List<Decline> declines,
		String rmaNumber, String caseId, Instant expiresAt, String currency, Money returnShippingFee,
		Money estimatedRefund, Money refundAmount, List<Line> lines, Instant requestedAt, Instant updatedAt,
		Instant closedAt, String requestedBy, String canceledBy, String resumedBy, String storeId, Parcel parcel) {

	/** The return's parcel: carrier, tracking code, when it was handed over, who recorded it. */
	public record Parcel(String carrier, String trackingCode, Instant shippedAt, String recordedBy) {
	}

	/** One reason the return was declined; {@code lineNumber} is null for the whole return. */
	public record Decline(String lineNumber, String code, String message) {
	}

	public record Line(String lineNumber, String sku, int quantity, ReturnReason reason, Boolean eligible,
			Money refundableAmount, Money restockingFee, Money promotionShare, Integer quantityExpected,
			int quantityReceived, int quantityDamaged, int quantityRejected, Disposition disposition,
			Integer acceptedQuantity, Money refundAmount, ItemCondition condition, Disposition recordedDisposition) {
	}

	static ReturnView of(ReturnCase ret) {
		var currency = ret.currency();
		List<Line> lines = ret.lines()
			.stream()
			.map(l -> new Line(l.lineNumber(), l.sku() == null ? null : l.sku().value(), l.quantity(), l.reason(),
					l.eligible(), l.refundableAmount(currency), l.restockingFee(currency), l.promotionShare(currency),
					l.quantityExpected(), l.quantityReceived(), l.quantityDamaged(), l.quantityRejected(),
					l.disposition(), l.acceptedQuantity(), l.refundAmount(currency),
					l.atStore().map(StoreInspection::condition).orElse(null),
					l.atStore().map(StoreInspection::disposition).orElse(null)))
			.toList();
		List<Decline> declines = ret.declines()
			.stream()
			.map(d -> new Decline(d.lineNumber(), d.code(), d.message()))
			.toList();
		return new ReturnView(ret.id(), ret.returnNumber(), ret.orderId().value(),
				ret.customerId().map(c -> c.value()).orElse(null), ret.channel(), ret.status(), ret.actionFromStatus(),
				ret.actionReason(), declines, ret.rmaNumber().map(r -> r.value()).orElse(null),
				ret.caseId().map(c -> c.value()).orElse(null), ret.expiresAt(),
				currency == null ? null : currency.getCurrencyCode(), ret.returnShippingFee(),
				ret.evaluated() && ret.eligible() ? ret.estimatedRefund() : null, ret.refundAmount(), lines,
				ret.requestedAt(), ret.updatedAt(), ret.closedAt(), text(ret.requestedBy()), text(ret.canceledBy()),
				text(ret.resumedBy()), ret.storeId().orElse(null),
				ret.parcel()
					.map(p -> new Parcel(p.carrier(), p.trackingCode(), p.shippedAt(), text(Optional.ofNullable(p.recordedBy()))))
					.orElse(null));
	}

	private static String text(Optional<ActingUser> actor) {
		return actor.map(Object::toString).orElse(null);
	}
}
