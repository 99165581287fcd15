package io.retailhub.contracts;

/** A quantity of one order line being returned, and why. */
public record ReturnLine(String lineNumber, Sku sku, int quantity, ReturnReason reason) {
}
