package io.retailhub.system.erp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which SAP sales order carries which hub order number ({@code PurchaseOrderByCustomer}), for the
 * sales orders the adapter has read. The pair is fixed when an order is placed and never changes,
 * so an answer from here is as good as ERP's, and operations that only translate one number into
 * the other need no read. Only pairs read from ERP are kept: a number not here is read from ERP as
 * before, and an order ERP does not know is never remembered, so it stays unknown.
 *
 * <p>Bounded to {@code maxSize} pairs; beyond that the least recently used pair is forgotten.
 * A size of 0 remembers nothing. Thread-safe.
 */
final class OrderNumbers {

	private final int maxSize;

	private final Map<String, String> salesOrderByOrderId;

	private final Map<String, String> orderIdBySalesOrder = new HashMap<>();

	OrderNumbers(int maxSize) {
		if (maxSize < 0) {
			throw new IllegalArgumentException("maxSize must not be negative");
		}
		this.maxSize = maxSize;
		this.salesOrderByOrderId = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				if (size() <= maxSize) {
					return false;
				}
				orderIdBySalesOrder.remove(eldest.getValue());
				return true;
			}
		};
	}

	/** Remembers the pair of a sales order read from ERP; one without a hub order number is left out. */
	synchronized void remember(String orderId, String salesOrder) {
		if (maxSize == 0 || orderId == null || orderId.isBlank() || salesOrder == null || salesOrder.isBlank()) {
			return;
		}
		// the latest read wins and both directions stay one set of pairs
		String formerSalesOrder = salesOrderByOrderId.remove(orderId);
		if (formerSalesOrder != null) {
			orderIdBySalesOrder.remove(formerSalesOrder);
		}
		String formerOrderId = orderIdBySalesOrder.remove(salesOrder);
		if (formerOrderId != null) {
			salesOrderByOrderId.remove(formerOrderId);
		}
		orderIdBySalesOrder.put(salesOrder, orderId);
		salesOrderByOrderId.put(orderId, salesOrder);
	}

	/** The sales order number carrying this hub order number, when it was read. */
	synchronized Optional<String> salesOrderOf(String orderId) {
		return Optional.ofNullable(salesOrderByOrderId.get(orderId));
	}

	/** The hub order number of this sales order, when it was read. */
	synchronized Optional<String> orderIdOf(String salesOrder) {
		String orderId = orderIdBySalesOrder.get(salesOrder);
		if (orderId != null) {
			salesOrderByOrderId.get(orderId); // counts as a use
		}
		return Optional.ofNullable(orderId);
	}

	synchronized int size() {
		return salesOrderByOrderId.size();
	}
}
