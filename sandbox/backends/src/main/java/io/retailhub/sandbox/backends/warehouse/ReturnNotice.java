package io.retailhub.sandbox.backends.warehouse;

import java.time.Instant;
import java.util.List;

/**
 * What ERP told the warehouse to expect for one customer return (RMA): the order, and per order
 * line the SKU and the units authorized. A real WMS gets this as an advance notice from ERP.
 *
 * @param orderNumber the customer-facing order number, null when the order is not one the
 * warehouse knows
 * @param createdAt when ERP last changed the customer return: its creation, unless it was changed
 * since (ERP shows the creation itself only as a date)
 * @param lines what may arrive: the items ERP has not rejected
 * @param rejected whether ERP rejected every item (the return was canceled): nothing may arrive
 */
record ReturnNotice(String rmaNumber, String orderNumber, Instant createdAt, List<Line> lines, boolean rejected) {

	ReturnNotice {
		lines = List.copyOf(lines);
	}

	/** Units authorized for one order line (summed if ERP holds several items for it). */
	record Line(String lineNumber, String sku, int quantity) {
	}
}
