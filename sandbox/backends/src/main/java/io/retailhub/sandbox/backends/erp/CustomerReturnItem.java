package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;

/**
 * One returned quantity of a sales order item. {@code netAmount} is the item's net amount pro
 * rata for the quantity, computed by the server. {@code rejectionReason} is SAP's
 * {@code SalesDocumentRjcnReason} (empty while the item is not rejected); {@code received} says
 * the warehouse posted a goods receipt for it ({@code ReturnsMaterialHasBeenReceived}).
 */
record CustomerReturnItem(String item, SalesOrderItem reference, int quantity, BigDecimal netAmount,
		String returnReason, String rejectionReason, boolean received) {

	CustomerReturnItem {
		rejectionReason = rejectionReason == null ? "" : rejectionReason;
	}

	boolean rejected() {
		return !rejectionReason.isEmpty();
	}

	CustomerReturnItem rejectedFor(String reason) {
		return new CustomerReturnItem(item, reference, quantity, netAmount, returnReason, reason, received);
	}

	CustomerReturnItem receivedNow() {
		return new CustomerReturnItem(item, reference, quantity, netAmount, returnReason, rejectionReason, true);
	}
}
