package io.retailhub.experience.portal;

import java.util.List;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.Shipment;
import io.retailhub.experience.panels.Panel;

/**
 * One of the shopper's orders: its header and lines (ERP), shipments (warehouse) and returns
 * (process-api, STALE from the timeline read model when it is down), each a panel that degrades
 * alone.
 */
record PortalOrder(String orderId, Panel<Order> order, Panel<List<Shipment>> shipments,
		Panel<List<ShopperReturn>> returns) {
}
