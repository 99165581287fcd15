package io.retailhub.sandbox.backends.data;

import java.time.Instant;
import java.util.List;

/**
 * A seeded invoice (ERP billing document, category M): one per parcel, billed when it shipped.
 * Its items are numbered in the invoice's own sequence (10, 20, ...), so an invoice item's number
 * is the order item's only by coincidence; {@code orderItem} says which order item it bills.
 */
public record DemoInvoice(String billingDocument, String orderNumber, String shipmentId, Instant billedAt,
		List<Item> items) {

	public DemoInvoice {
		items = List.copyOf(items);
	}

	/** One billed quantity of one order item. */
	public record Item(String billingItem, String orderItem, int quantity) {
	}
}
