package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer return (advanced returns, type CBRE) referencing one sales order or one of its
 * invoices ({@code reference}). {@code completed} returns (the seeded legacy ones) are fully
 * processed: received, inspected and refunded. {@code reason} is the header's order reason
 * ({@link OrderReasons}). {@code lastChangedAt} is {@code LastChangeDateTime}, the return's ETag;
 * its items have no concurrency token of their own.
 */
record CustomerReturn(String number, SalesOrderReference.Header reference, String purchaseOrderByCustomer,
		String reason, Instant createdAt, Instant lastChangedAt, boolean completed, List<CustomerReturnItem> items) {

	CustomerReturn {
		items = List.copyOf(items);
	}

	SalesOrder order() {
		return reference.order();
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
		return new CustomerReturn(number, reference, purchaseOrderByCustomer, reason, createdAt, now, completed,
				changedItems);
	}
}
