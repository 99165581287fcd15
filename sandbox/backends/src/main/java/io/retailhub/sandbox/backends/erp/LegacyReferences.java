package io.retailhub.sandbox.backends.erp;

import io.retailhub.sandbox.backends.data.DemoOrder;

/**
 * What the legacy documents of the demo data (returns and credits booked before the hub existed)
 * reference: the invoice that billed the returned item, as documents entered in ERP by hand
 * usually do; the sales order itself where nothing was billed.
 */
final class LegacyReferences {

	private LegacyReferences() {
	}

	static SalesOrderReference.Item item(DemoOrder demo, SalesOrder order, String orderItem,
			BillingDocuments invoices) {
		SalesOrderItem item = order.item(orderItem).orElseThrow();
		return demo.invoiceOf(orderItem)
			.flatMap(invoice -> invoices.find(invoice.billingDocument()))
			.flatMap(invoice -> invoice.items()
				.stream()
				.filter(i -> i.reference().item().equals(orderItem))
				.findFirst()
				.map(billed -> SalesOrderReference.Item.of(invoice, billed)))
			.orElseGet(() -> SalesOrderReference.Item.of(item));
	}

	/** The header reference of a legacy document whose first item references {@code first}. */
	static SalesOrderReference.Header header(SalesOrderReference.Item first, SalesOrder order,
			BillingDocuments invoices) {
		return invoices.find(first.document())
			.map(SalesOrderReference.Header::of)
			.orElseGet(() -> SalesOrderReference.Header.of(order));
	}
}
