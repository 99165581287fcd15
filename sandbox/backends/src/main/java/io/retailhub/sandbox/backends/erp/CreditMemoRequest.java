package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A credit memo request (type GA2) referencing one sales order. {@code billed} ones (the seeded
 * legacy credits) have been turned into credit memos already.
 */
record CreditMemoRequest(String number, SalesOrder order, String purchaseOrderByCustomer, String reason,
		String billingBlock, Instant createdAt, boolean billed, List<CreditMemoRequestItem> items) {

	CreditMemoRequest {
		items = List.copyOf(items);
	}

	BigDecimal totalNetAmount() {
		return items.stream().map(CreditMemoRequestItem::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
