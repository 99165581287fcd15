package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An invoice (billing document category M, type F2) billing one parcel of a sales order. Its items
 * have numbers of their own; each names the sales order item it bills ({@code reference}).
 */
record BillingDocument(String number, SalesOrder order, Instant billedAt, List<Item> items) {

	static final String CATEGORY = "M";

	BillingDocument {
		items = List.copyOf(items);
	}

	Optional<Item> item(String itemNumber) {
		return items.stream().filter(i -> i.item().equals(itemNumber)).findFirst();
	}

	BigDecimal totalNetAmount() {
		return items.stream().map(Item::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** One billed quantity of a sales order item, and its net amount pro rata. */
	record Item(String item, SalesOrderItem reference, int quantity, BigDecimal netAmount) {
	}
}
