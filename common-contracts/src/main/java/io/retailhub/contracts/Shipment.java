package io.retailhub.contracts;

import java.time.Instant;
import java.util.List;

/** A parcel that left the warehouse for one order; an order may ship in several. */
public record Shipment(ShipmentId id, OrderId orderId, String carrier, String trackingNumber, ShipmentStatus status,
		Instant shippedAt, Instant deliveredAt, List<ShipmentLine> lines) {

	public Shipment {
		lines = List.copyOf(lines);
	}
}
