package io.retailhub.contracts;

/** A credited quantity of one order line and its amount. */
public record CreditMemoLine(String lineNumber, Sku sku, int quantity, Money amount) {
}
