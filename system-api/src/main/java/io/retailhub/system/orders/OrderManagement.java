package io.retailhub.system.orders;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderChange;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.ShipmentLine;
import io.retailhub.contracts.ShipmentStatus;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.erp.SapErpAdapter;
import io.retailhub.system.payment.StripePaymentAdapter;
import io.retailhub.system.warehouse.WarehouseAdapter;

import org.springframework.stereotype.Service;

/**
 * The order as one truthful answer: header and lines from ERP (the system of record), parcels
 * from the warehouse, payment state from the payment provider. If any of the three cannot
 * answer, the lookup fails with that backend named rather than returning a half-truth; the
 * experience layer decides how to degrade.
 */
@Service
public class OrderManagement {

	private final SapErpAdapter erp;

	private final WarehouseAdapter warehouse;

	private final StripePaymentAdapter payment;

	OrderManagement(SapErpAdapter erp, WarehouseAdapter warehouse, StripePaymentAdapter payment) {
		this.erp = erp;
		this.warehouse = warehouse;
		this.payment = payment;
	}

	/** The parts of an order beside its header and lines, each from its own backend. */
	public enum Part {

		SHIPMENTS, PAYMENT;

		public static final Set<Part> ALL = EnumSet.allOf(Part.class);

	}

	public Order find(OrderId id) {
		return find(id, Part.ALL);
	}

	/**
	 * The order with only the parts asked for, so a caller that needs only lines does not depend on
	 * the warehouse or the payment provider being up. Parts not asked for are empty (shipments) or
	 * null (payment), and the status is then ERP's alone.
	 */
	public Order find(OrderId id, Set<Part> parts) {
		Order order = erp.findOrder(id).orElseThrow(() -> new ResourceNotFoundException("order", id.value()));
		List<Shipment> shipments = parts.contains(Part.SHIPMENTS) ? warehouse.findShipments(id) : List.of();
		Payment paid = parts.contains(Part.PAYMENT) ? payment.findPayment(id).orElse(null) : null;
		return new Order(order.id(), order.customerId(), order.channel(), status(order, shipments), order.placedAt(),
				order.total(), order.lines(), shipments, paid);
	}

	/** The order's parcels, from the warehouse alone: known while ERP is down; none for an order it does not know. */
	public List<Shipment> findShipments(OrderId id) {
		return warehouse.findShipments(id);
	}

	/** The order's payment, from the payment provider alone: known while ERP is down. */
	public Optional<Payment> findPayment(OrderId id) {
		return payment.findPayment(id);
	}

	/** The customer's orders, newest first: header and lines only (ask for one order for the rest). */
	public List<Order> findOrdersOfCustomer(CustomerId customerId, int limit) {
		return erp.findOrdersOfCustomer(customerId, limit);
	}

	/**
	 * Orders (header and lines, from ERP alone) changed at or after {@code since}, oldest change
	 * first, then by order number; with {@code after}, only those behind that order among the ones
	 * changed exactly at {@code since}. Walk the feed by passing the last entry's
	 * {@code lastChangedAt} and order ID back.
	 */
	public List<OrderChange> findOrderChanges(Instant since, OrderId after, int limit) {
		return erp.findOrdersChangedSince(since, after, limit);
	}

	/**
	 * ERP knows what left the warehouse; only the carrier knows what arrived. An order whose
	 * every unit sits in a delivered parcel is DELIVERED.
	 */
	static OrderStatus status(Order order, List<Shipment> shipments) {
		if (order.status() == OrderStatus.CANCELLED || order.lines().isEmpty()) {
			return order.status();
		}
		int ordered = order.lines().stream().mapToInt(l -> l.quantity()).sum();
		int delivered = shipments.stream()
			.filter(s -> s.status() == ShipmentStatus.DELIVERED)
			.flatMap(s -> s.lines().stream())
			.mapToInt(ShipmentLine::quantity)
			.sum();
		return delivered >= ordered ? OrderStatus.DELIVERED : order.status();
	}
}
