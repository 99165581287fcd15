package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer return (advanced returns, type CBRE) referencing one sales order. {@code completed}
 * returns (the seeded legacy ones) are fully processed: received, inspected and refunded.
 */
record CustomerReturn(String number, SalesOrder order, String purchaseOrderByCustomer, String reason,
		Instant createdAt, boolean completed, List<CustomerReturnItem> items) {

	CustomerReturn {
		items = List.copyOf(items);
	}

	BigDecimal totalNetAmount() {
		return items.stream().map(CustomerReturnItem::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
