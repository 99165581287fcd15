package io.retailhub.system.commerce;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.Sku;

/**
 * One line as sold. {@code unitPrice} is the list price of one unit; {@code discount} is the sum
 * of all promotions allocated to the whole line (all units), zero when none applied;
 * {@code category} is the product type, null when the product is no longer known.
 */
public record CommerceOrderLine(Sku sku, String title, String category, boolean finalSale, int quantity,
		Money unitPrice, Money discount) {
}
