package io.retailhub.contracts;

/** How many units of an order line travel in a shipment. */
public record ShipmentLine(String lineNumber, Sku sku, int quantity) {
}
