package io.retailhub.sandbox.backends.erp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.data.DemoShipment;

import org.springframework.stereotype.Component;

/**
 * The sales orders of the simulated ERP: built from the demo data, then whatever is placed
 * through the admin API ({@link SalesOrderPlacement}). Orders never change once there; the map is
 * replaced, never modified, when one is added, so readers need no lock.
 */
@Component
class SalesOrders {

	private volatile Map<String, SalesOrder> byNumber;

	/** The placed orders, in the order they were placed. Replaced, never modified. */
	private volatile List<SalesOrder> placed = List.of();

	SalesOrders(DemoData data) {
		Map<String, SalesOrder> orders = new LinkedHashMap<>();
		data.orders().forEach(order -> orders.put(order.salesOrder(), salesOrder(order)));
		this.byNumber = Collections.unmodifiableMap(orders);
	}

	/** Adds newly placed orders; their document numbers must be new. */
	synchronized void add(List<SalesOrder> added) {
		Map<String, SalesOrder> orders = new LinkedHashMap<>(byNumber);
		for (SalesOrder order : added) {
			if (orders.putIfAbsent(order.salesOrder(), order) != null) {
				throw new IllegalStateException("sales order " + order.salesOrder() + " exists already");
			}
		}
		List<SalesOrder> placedNow = new ArrayList<>(placed);
		placedNow.addAll(added);
		this.byNumber = Collections.unmodifiableMap(orders);
		this.placed = List.copyOf(placedNow);
	}

	/** The orders placed through the admin API, oldest first (the seeded ones not). */
	List<SalesOrder> placed() {
		return placed;
	}

	List<SalesOrder> all() {
		return List.copyOf(byNumber.values());
	}

	Optional<SalesOrder> find(String salesOrder) {
		return Optional.ofNullable(byNumber.get(salesOrder));
	}

	/** Sales organization 1710 sells from the US plant, 1010 from the European one. */
	static String salesOrganization(String plant) {
		return plant.equals("1710") ? "1710" : "1010";
	}

	static String distributionChannel(String channel) {
		return switch (channel) {
			case "WEB" -> "10";
			case "STORE" -> "20";
			case "MARKETPLACE" -> "30";
			default -> throw new IllegalArgumentException("unknown channel " + channel);
		};
	}

	private static SalesOrder salesOrder(DemoOrder order) {
		List<SalesOrderItem> items = new ArrayList<>();
		for (DemoOrderLine line : order.lines()) {
			int shipped = units(order.shipments(), line.itemNumber(), false);
			int delivered = units(order.shipments(), line.itemNumber(), true);
			items.add(new SalesOrderItem(order.salesOrder(), line.itemNumber(), line.sku(), line.description(),
					line.quantity(), line.unitPrice(), line.discount(), line.netAmount(), order.currency(),
					order.plant(), status(shipped, line.quantity()), status(delivered, line.quantity())));
		}
		return new SalesOrder(order.salesOrder(), salesOrganization(order.plant()),
				distributionChannel(order.channel()), order.customerNumber(), order.orderNumber(), order.placedAt(),
				order.total(), order.currency(), overall(items, true), overall(items, false), items);
	}

	private static int units(List<DemoShipment> shipments, String item, boolean deliveredOnly) {
		return shipments.stream()
			.filter(s -> !deliveredOnly || "delivered".equals(s.status()))
			.mapToInt(s -> s.quantities().getOrDefault(item, 0))
			.sum();
	}

	private static String status(int done, int ordered) {
		return done == 0 ? "A" : done < ordered ? "B" : "C";
	}

	private static String overall(List<SalesOrderItem> items, boolean delivery) {
		List<String> statuses = items.stream()
			.map(i -> delivery ? i.deliveryStatus() : i.sdProcessStatus())
			.distinct()
			.toList();
		return statuses.size() == 1 ? statuses.get(0) : "B";
	}
}
