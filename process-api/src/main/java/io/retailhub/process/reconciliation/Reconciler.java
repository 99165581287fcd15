package io.retailhub.process.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundStatus;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationStatus;
import io.retailhub.contracts.ReturnLine;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.ShipmentLine;
import io.retailhub.contracts.events.ReturnReceived;

/**
 * Puts one order's figures from ERP, the warehouse and the payment provider side by side and lists
 * what disagrees. A pure function of what the backends answered, the time and the settings.
 */
final class Reconciler {

	private final Duration receiptWithoutRefundAfter;

	private final Duration settleTime;

	Reconciler(Duration receiptWithoutRefundAfter, Duration settleTime) {
		this.receiptWithoutRefundAfter = receiptWithoutRefundAfter;
		this.settleTime = settleTime;
	}

	/** What the backends hold for one order; receipts per RMA number. */
	record Figures(Order order, List<ReturnAuthorization> returns, Map<String, List<ReturnReceipt>> receipts,
			List<Refund> refunds, List<CreditMemo> creditMemos) {
	}

	OrderReconciliation reconcile(Figures figures, Instant now) {
		Order order = figures.order();
		Currency currency = order.total().currency();
		List<OrderReconciliation.Mismatch> mismatches = new ArrayList<>();
		Instant settled = now.minus(this.settleTime);

		int ordered = order.lines().stream().mapToInt(OrderLine::quantity).sum();
		Map<String, Integer> shippedPerLine = new HashMap<>();
		for (Shipment shipment : order.shipments()) {
			if (shipment.shippedAt() == null) {
				continue;
			}
			for (ShipmentLine line : shipment.lines()) {
				shippedPerLine.merge(line.lineNumber(), line.quantity(), Integer::sum);
			}
		}
		int shipped = shippedPerLine.values().stream().mapToInt(Integer::intValue).sum();

		Map<String, Integer> returnedPerLine = new HashMap<>();
		int received = 0;
		int restocked = 0;
		Money receivedValue = Money.zero(currency);
		List<Refund> refunds = figures.refunds();
		for (ReturnAuthorization rma : figures.returns()) {
			if (rma.status() == ReturnAuthorizationStatus.REJECTED) {
				continue;
			}
			for (ReturnLine line : rma.lines()) {
				returnedPerLine.merge(line.lineNumber(), line.quantity(), Integer::sum);
			}
			List<ReturnReceipt> parcels = figures.receipts().getOrDefault(rma.id().value(), List.of());
			Optional<ReturnReceipt> latest = parcels.stream().max(Comparator.comparingLong(ReturnReceipt::sequence));
			if (latest.isEmpty()) {
				continue;
			}
			for (ReturnReceived.Line line : latest.get().totals()) {
				received += line.quantityReceived();
				restocked += line.quantityReceived() - line.quantityDamaged() - line.quantityRejected();
				int kept = line.quantityReceived() - line.quantityRejected();
				Optional<OrderLine> orderLine = line(order, line.lineNumber());
				if (kept > 0 && orderLine.isPresent() && orderLine.get().quantity() > 0) {
					receivedValue = receivedValue
						.plus(orderLine.get().netAmount().share(Math.min(kept, orderLine.get().quantity()),
								orderLine.get().quantity()));
				}
			}
			Instant firstReceipt = parcels.stream()
				.map(ReturnReceipt::receivedAt)
				.filter(at -> at != null)
				.min(Comparator.naturalOrder())
				.orElse(null);
			boolean refundedSince = refunds.stream()
				.anyMatch(r -> (r.status() == RefundStatus.SUCCEEDED || r.status() == RefundStatus.PENDING)
						&& r.createdAt() != null && firstReceipt != null && !r.createdAt().isBefore(firstReceipt));
			if (firstReceipt != null && firstReceipt.isBefore(now.minus(this.receiptWithoutRefundAfter))
					&& !refundedSince) {
				mismatches.add(new OrderReconciliation.Mismatch(MismatchKind.RECEIPT_WITHOUT_REFUND,
						"The warehouse received RMA " + rma.id().value() + " at " + firstReceipt
								+ " and no refund followed in " + this.receiptWithoutRefundAfter + "."));
			}
		}
		int returned = returnedPerLine.values().stream().mapToInt(Integer::intValue).sum();
		for (Map.Entry<String, Integer> line : returnedPerLine.entrySet()) {
			int shippedOfLine = shippedPerLine.getOrDefault(line.getKey(), 0);
			if (line.getValue() > shippedOfLine) {
				mismatches.add(new OrderReconciliation.Mismatch(MismatchKind.RETURNED_MORE_THAN_SHIPPED,
						"Line " + line.getKey() + ": ERP's returns take back " + line.getValue() + " unit(s), the warehouse shipped "
								+ shippedOfLine + "."));
			}
		}

		Money refunded = sum(refunds, currency, RefundStatus.SUCCEEDED, null);
		Money refundPending = sum(refunds, currency, RefundStatus.PENDING, null);
		Money credited = figures.creditMemos()
			.stream()
			.filter(memo -> memo.total() != null && memo.total().currency().equals(currency))
			.map(CreditMemo::total)
			.reduce(Money.zero(currency), Money::plus);
		// only settled documents are compared: a credit memo follows its refund by moments
		Money settledRefunded = sum(refunds, currency, RefundStatus.SUCCEEDED, settled);
		Money settledRefunding = settledRefunded.plus(sum(refunds, currency, RefundStatus.PENDING, settled));
		Money settledCredited = figures.creditMemos()
			.stream()
			.filter(memo -> memo.total() != null && memo.total().currency().equals(currency))
			.filter(memo -> memo.createdAt() == null || !memo.createdAt().isAfter(settled))
			.map(CreditMemo::total)
			.reduce(Money.zero(currency), Money::plus);
		if (settledRefunded.compareTo(credited) > 0) {
			mismatches.add(new OrderReconciliation.Mismatch(MismatchKind.REFUND_WITHOUT_CREDIT_MEMO,
					"The payment provider refunded " + settledRefunded + ", ERP credited " + credited + "."));
		}
		if (settledCredited.compareTo(refunded.plus(refundPending)) > 0 && settledCredited.compareTo(settledRefunding) > 0) {
			mismatches.add(new OrderReconciliation.Mismatch(MismatchKind.CREDIT_MEMO_WITHOUT_REFUND,
					"ERP credited " + settledCredited + ", the payment provider refunded " + refunded
							+ (refundPending.isZero() ? "" : " (and is refunding " + refundPending + ")") + "."));
		}
		if (refunded.compareTo(receivedValue) > 0) {
			mismatches.add(new OrderReconciliation.Mismatch(MismatchKind.REFUNDED_MORE_THAN_RECEIVED,
					"The payment provider refunded " + refunded + ", the warehouse received goods worth " + receivedValue
							+ "."));
		}
		return new OrderReconciliation(order.id().value(), currency.getCurrencyCode(), ordered, order.total().amount(),
				shipped, returned, received, receivedValue.amount(), restocked, refunded.amount(),
				refundPending.amount(), credited.amount(), mismatches);
	}

	/** An order whose figures could not all be read. */
	static OrderReconciliation unavailable(String orderId, String why) {
		return new OrderReconciliation(orderId, null, 0, null, 0, 0, 0, null, 0, null, null, null,
				List.of(new OrderReconciliation.Mismatch(MismatchKind.FIGURES_UNAVAILABLE, why)));
	}

	private static Optional<OrderLine> line(Order order, String lineNumber) {
		return order.lines().stream().filter(l -> l.lineNumber().equals(lineNumber)).findFirst();
	}

	/** Refunds of this status in the currency, only those created at or before {@code until} when given. */
	private static Money sum(List<Refund> refunds, Currency currency, RefundStatus status, Instant until) {
		return refunds.stream()
			.filter(r -> r.status() == status && r.amount() != null && r.amount().currency().equals(currency))
			.filter(r -> until == null || r.createdAt() == null || !r.createdAt().isAfter(until))
			.map(Refund::amount)
			.reduce(Money.zero(currency), Money::plus);
	}

}
