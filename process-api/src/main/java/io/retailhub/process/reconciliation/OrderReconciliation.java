package io.retailhub.process.reconciliation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One order's figures across the backends, and every mismatch among them. Quantities are units;
 * amounts are in the order's currency.
 *
 * @param ordered units ordered (ERP sales order)
 * @param orderTotal the order's total (ERP)
 * @param shipped units that left the warehouse (warehouse shipments)
 * @param returned units ERP's customer returns (RMAs) take back, rejected ones left out
 * @param received units the warehouse received against those RMAs
 * @param receivedValue what the received units (less the ones the warehouse rejected) are worth at
 * the prices paid
 * @param restocked units received in good condition, back in stock (received less damaged and
 * rejected)
 * @param refunded what the payment provider refunded (succeeded)
 * @param refundPending what the provider is still refunding (pending)
 * @param credited what ERP's credit memo requests credit
 */
public record OrderReconciliation(String orderId, String currency, int ordered, BigDecimal orderTotal, int shipped,
		int returned, int received, BigDecimal receivedValue, int restocked, BigDecimal refunded,
		BigDecimal refundPending, BigDecimal credited, List<Mismatch> mismatches) {

	public OrderReconciliation {
		mismatches = List.copyOf(mismatches);
	}

	/** A mismatch found, in words ops can act on. */
	public record Mismatch(MismatchKind kind, String detail) {
	}

}
