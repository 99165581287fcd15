package io.retailhub.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The canonical order: header and lines from ERP, shipments from the warehouse, payment from the
 * payment provider. {@code payment} and {@code shipments} may be empty when nothing is known yet.
 */
public record Order(OrderId id, CustomerId customerId, SalesChannel channel, OrderStatus status, Instant placedAt,
		Money total, List<OrderLine> lines, List<Shipment> shipments, Payment payment) {

	public Order {
		lines = List.copyOf(lines);
		shipments = List.copyOf(shipments);
	}
}
