package io.retailhub.sandbox.backends.data;

import java.time.Instant;
import java.util.Map;

/**
 * A seeded parcel. {@code status} uses carrier vocabulary (pre_transit, in_transit,
 * out_for_delivery, delivered); {@code quantities} maps order item number to units shipped.
 */
public record DemoShipment(String shipmentId, String orderNumber, String warehouse, String carrier,
		String trackingNumber, String status, Instant shippedAt, Instant deliveredAt, Map<String, Integer> quantities) {
}
