package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A credit memo request (type GA2) referencing one sales order or one of its invoices
 * ({@code reference}). {@code billed} ones (the seeded legacy credits) have been turned into credit
 * memos already. {@code lastChangedAt} is {@code LastChangeDateTime}, the request's ETag: a change
 * of an item's price moves it.
 */
record CreditMemoRequest(String number, SalesOrderReference.Header reference, String purchaseOrderByCustomer,
		String reason, String billingBlock, Instant createdAt, Instant lastChangedAt, boolean billed,
		List<CreditMemoRequestItem> items) {

	CreditMemoRequest {
		items = List.copyOf(items);
	}

	SalesOrder order() {
		return reference.order();
	}

	BigDecimal totalNetAmount() {
		return items.stream().map(CreditMemoRequestItem::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	String etag() {
		return ODataValues.etag(lastChangedAt);
	}

	CreditMemoRequest changed(List<CreditMemoRequestItem> changedItems, Instant now) {
		return new CreditMemoRequest(number, reference, purchaseOrderByCustomer, reason, billingBlock, createdAt, now,
				billed, changedItems);
	}
}
