package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer return (advanced returns, type CBRE) referencing one sales order. {@code completed}
 * returns (the seeded legacy ones) are fully processed: received, inspected and refunded.
 * {@code lastChangedAt} is {@code LastChangeDateTime}, the ETag of the return and its items.
 */
record CustomerReturn(String number, SalesOrder order, String purchaseOrderByCustomer, String reason,
		Instant createdAt, Instant lastChangedAt, boolean completed, List<CustomerReturnItem> items) {

	CustomerReturn {
		items = List.copyOf(items);
	}

	BigDecimal totalNetAmount() {
		return items.stream().map(CustomerReturnItem::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * {@code OverallSDDocumentRejectionSts}: A nothing rejected, B some items rejected, C every
	 * item rejected.
	 */
	String rejectionStatus() {
		long rejected = items.stream().filter(CustomerReturnItem::rejected).count();
		return rejected == 0 ? "A" : rejected == items.size() ? "C" : "B";
	}

	String etag() {
		return ODataValues.etag(lastChangedAt);
	}

	CustomerReturn changed(List<CustomerReturnItem> changedItems, Instant now) {
		return new CustomerReturn(number, order, purchaseOrderByCustomer, reason, createdAt, now, completed,
				changedItems);
	}
}
