package io.retailhub.process.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.events.Disposition;
import io.retailhub.contracts.events.ReturnAuthorized;
import io.retailhub.contracts.events.ReturnCanceled;
import io.retailhub.contracts.events.ReturnShipped;
import io.retailhub.contracts.events.ReturnClosed;
import io.retailhub.contracts.events.ReturnDeclined;
import io.retailhub.contracts.events.ReturnExpired;
import io.retailhub.contracts.events.ReturnInspected;
import io.retailhub.contracts.events.ReturnItem;
import io.retailhub.contracts.events.ReturnRequested;
import io.retailhub.contracts.events.HubRefundId;

/** The published facts of a return, built from its state at the moment they happen. */
final class ReturnEvents {

	private ReturnEvents() {
	}

	static ReturnRequested requested(ReturnCase ret, Instant now) {
		return new ReturnRequested(ret.returnId(), ret.orderId(), ret.customerId().orElseThrow(), ret.channel(),
				items(ret), ret.requestedAt() == null ? now : ret.requestedAt(), ret.requestedBy().orElse(null));
	}

	static ReturnDeclined declined(ReturnCase ret, Instant now) {
		List<ReturnDeclined.Reason> reasons = ret.lines()
			.stream()
			.filter(l -> Boolean.FALSE.equals(l.eligible()))
			.map(l -> new ReturnDeclined.Reason(l.lineNumber(), l.declineReason(), l.declineMessage()))
			.toList();
		return new ReturnDeclined(ret.returnId(), ret.orderId(), ret.customerId().orElseThrow(), reasons, now);
	}

	static ReturnAuthorized authorized(ReturnCase ret, Instant now) {
		return new ReturnAuthorized(ret.returnId(), ret.orderId(), ret.customerId().orElseThrow(),
				ret.rmaNumber().orElseThrow(), ret.caseId().orElse(null), items(ret), ret.estimatedRefund(),
				ret.expiresAt(), now);
	}

	static ReturnExpired expired(ReturnCase ret, Instant now) {
		return new ReturnExpired(ret.returnId(), ret.orderId(), ret.rmaNumber().orElseThrow(), ret.expiresAt(), now);
	}

	static ReturnShipped shipped(ReturnCase ret, Instant now) {
		ReturnCase.Parcel parcel = ret.parcel().orElseThrow();
		return new ReturnShipped(ret.returnId(), ret.orderId(), ret.customerId().orElseThrow(),
				ret.rmaNumber().orElseThrow(), parcel.carrier(), parcel.trackingCode(), now, parcel.recordedBy());
	}

	static ReturnCanceled canceled(ReturnCase ret, String reason, Instant now) {
		return new ReturnCanceled(ret.returnId(), ret.orderId(), ret.rmaNumber().orElse(null), ret.channel(), reason,
				now, ret.canceledBy().orElse(null));
	}

	/**
	 * One entry per order line and disposition: restocked, damaged and refused units of a line are
	 * listed apart, their amounts adding up to the line's refund.
	 */
	static ReturnInspected inspected(ReturnCase ret, Instant now) {
		List<ReturnInspected.Line> lines = new ArrayList<>();
		for (ReturnLine line : ret.lines()) {
			if (line.quantityReceived() == 0) {
				continue;
			}
			Money lineRefund = line.refundAmount(ret.currency());
			int rejected = Math.min(line.quantityRejected(), line.quantityReceived());
			int damaged = line.quantityDamaged();
			int restocked = line.quantityReceived() - damaged - rejected;
			int accepted = line.acceptedQuantity();
			// accepted units are the restocked ones first, then the damaged ones (receipts beyond the
			// requested quantity are received but not accepted)
			int restockAccepted = Math.min(restocked, accepted);
			int damagedAccepted = Math.min(damaged, accepted - restockAccepted);
			Money restockRefund = accepted == 0 ? Money.zero(ret.currency())
					: lineRefund.share(restockAccepted, accepted);
			if (restocked > 0) {
				lines.add(new ReturnInspected.Line(line.lineNumber(), line.sku(), Disposition.RESTOCK, restocked,
						restockAccepted, restockRefund));
			}
			if (damaged > 0) {
				lines.add(new ReturnInspected.Line(line.lineNumber(), line.sku(), Disposition.DAMAGED, damaged,
						damagedAccepted, lineRefund.minus(restockRefund)));
			}
			if (rejected > 0) {
				lines.add(new ReturnInspected.Line(line.lineNumber(), line.sku(), Disposition.REFUSE, rejected, 0,
						Money.zero(ret.currency())));
			}
		}
		return new ReturnInspected(ret.returnId(), ret.orderId(), ret.rmaNumber().orElseThrow(), lines,
				ret.returnShippingFee(), ret.refundAmount(), now);
	}

	static ReturnClosed closed(ReturnCase ret, HubRefundId refundId, Money refunded, Instant now) {
		return new ReturnClosed(ret.returnId(), ret.orderId(), ret.rmaNumber().orElseThrow(), refundId,
				refunded == null ? Money.zero(ret.currency()) : refunded, now);
	}

	private static List<ReturnItem> items(ReturnCase ret) {
		return ret.lines()
			.stream()
			.map(l -> new ReturnItem(l.lineNumber(), l.sku(), l.quantity(), l.reason()))
			.toList();
	}
}
