package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;

/**
 * One sales order item. {@code netAmount} is what the customer pays for the whole item after the
 * promotion; {@code unitPrice} (condition PPR0) and {@code discount} (condition DM01, the material discount) are the
 * pricing elements it was computed from.
 */
record SalesOrderItem(String salesOrder, String item, String material, String text, int quantity,
		BigDecimal unitPrice, BigDecimal discount, BigDecimal netAmount, String currency, String plant,
		String deliveryStatus, String sdProcessStatus) {
}
