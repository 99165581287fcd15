package io.retailhub.process.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.events.OrderConfirmed;

/**
 * What an ERP order confirms. Every sales order ERP holds is confirmed, except one already
 * cancelled (fully rejected) and one without a line the customer can return (quantity 0): those
 * publish nothing, and are looked at again if ERP changes them later.
 */
final class OrderConfirmations {

	private OrderConfirmations() {
	}

	/** The event for this order, or empty when it confirms nothing. */
	static Optional<OrderConfirmed> of(Order order, Instant now) {
		if (order.status() == OrderStatus.CANCELLED) {
			return Optional.empty();
		}
		List<OrderConfirmed.Line> lines = order.lines()
			.stream()
			.filter(line -> line.quantity() > 0)
			.map(line -> new OrderConfirmed.Line(line.lineNumber(), line.sku(), line.quantity(), line.unitPrice(),
					line.netAmount()))
			.toList();
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new OrderConfirmed(order.id(), order.customerId(), order.channel(), order.placedAt(),
				order.total(), lines, now));
	}
}
