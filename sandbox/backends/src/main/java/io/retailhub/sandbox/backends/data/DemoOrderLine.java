package io.retailhub.sandbox.backends.data;

import java.math.BigDecimal;

/**
 * A seeded order line. {@code discount} is the promotion's share of the whole line (zero when no
 * promotion applied), {@code netAmount} = quantity x unitPrice - discount.
 */
public record DemoOrderLine(String itemNumber, String sku, String description, String category, int quantity,
		BigDecimal unitPrice, String promotionCode, BigDecimal discount, BigDecimal netAmount, boolean finalSale) {
}
