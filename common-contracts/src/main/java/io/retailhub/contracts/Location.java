package io.retailhub.contracts;

/** A place the warehouse system keeps stock and takes parcels in: a distribution center or a store. */
public record Location(String id, String name, LocationType type, String country) {
}
