package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;

/**
 * One returned quantity of an item of the referenced document ({@code reference}: a sales order
 * item, or an invoice item billing one). {@code netAmount} is the sales order item's net amount pro
 * rata for the quantity, computed by the server. {@code rejectionReason} is SAP's
 * {@code SalesDocumentRjcnReason} (empty while the item is not rejected); {@code received} says
 * the warehouse posted a goods receipt for it ({@code ReturnsMaterialHasBeenReceived}).
 */
record CustomerReturnItem(String item, SalesOrderReference.Item reference, int quantity, BigDecimal netAmount,
		String returnReason, String rejectionReason, boolean received) {

	CustomerReturnItem {
		rejectionReason = rejectionReason == null ? "" : rejectionReason;
	}

	/** The sales order item returned, whatever the item references. */
	SalesOrderItem orderItem() {
		return reference.orderItem();
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
