package io.retailhub.sandbox.backends.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A seeded order as every backend knows it. {@code orderNumber} is the customer-facing number (ERP
 * {@code PurchaseOrderByCustomer}), {@code salesOrder} the ERP document number. The payment
 * provider captured {@code total} = sum of line net amounts + {@code shippingAmount}.
 */
public record DemoOrder(String orderNumber, String salesOrder, String channel, String customerNumber,
		Instant placedAt, String currency, String plant, List<DemoOrderLine> lines, BigDecimal shippingAmount,
		BigDecimal total, String paymentIntentId, String chargeId, List<DemoShipment> shipments,
		List<DemoReturn> returns, List<DemoInvoice> invoices) {

	/** The invoice billing this order item (the first one, should several). */
	public Optional<DemoInvoice> invoiceOf(String orderItem) {
		return invoices.stream()
			.filter(invoice -> invoice.items().stream().anyMatch(i -> i.orderItem().equals(orderItem)))
			.findFirst();
	}

	/** Delivered when every ordered unit is in a delivered shipment. */
	public boolean fullyDelivered() {
		int ordered = lines.stream().mapToInt(DemoOrderLine::quantity).sum();
		int delivered = shipments.stream()
			.filter(s -> "delivered".equals(s.status()))
			.flatMap(s -> s.quantities().values().stream())
			.mapToInt(Integer::intValue)
			.sum();
		return ordered == delivered;
	}
}
