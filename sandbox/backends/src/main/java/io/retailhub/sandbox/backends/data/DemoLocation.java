package io.retailhub.sandbox.backends.data;

/** A warehouse or store holding stock; {@code plant} is the ERP plant it belongs to. */
public record DemoLocation(String id, String name, String type, String plant, String country) {
}
