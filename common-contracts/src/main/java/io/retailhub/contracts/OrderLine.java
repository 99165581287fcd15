package io.retailhub.contracts;

/**
 * One line of an order. {@code netAmount} is what the customer paid for the whole line after
 * promotions; {@code unitPrice} is the list price before them.
 */
public record OrderLine(String lineNumber, Sku sku, String description, int quantity, Money unitPrice,
		Money netAmount) {
}
