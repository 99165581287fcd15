package io.retailhub.sandbox.backends.warehouse;

import java.time.Instant;
import java.util.List;

/**
 * What ERP told the warehouse to expect for one customer return (RMA): the order, and per order
 * line the SKU and the units authorized. A real WMS gets this as an advance notice from ERP.
 *
 * @param orderNumber the customer-facing order number, null when the order is not one the
 * warehouse knows
 * @param createdAt when ERP created the customer return
 */
record ReturnNotice(String rmaNumber, String orderNumber, Instant createdAt, List<Line> lines) {

	ReturnNotice {
		lines = List.copyOf(lines);
	}

	/** Units authorized for one order line (summed if ERP holds several items for it). */
	record Line(String lineNumber, String sku, int quantity) {
	}
}
