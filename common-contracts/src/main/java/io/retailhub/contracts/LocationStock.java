package io.retailhub.contracts;

/** Stock of one SKU at one warehouse location or store. */
public record LocationStock(String locationId, String locationName, int onHand, int reserved, int available) {
}
