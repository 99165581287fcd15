package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;

/**
 * One returned quantity of a sales order item. {@code netAmount} is the item's net amount pro
 * rata for the quantity, computed by the server.
 */
record CustomerReturnItem(String item, SalesOrderItem reference, int quantity, BigDecimal netAmount,
		String returnReason) {
}
