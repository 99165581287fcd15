package io.retailhub.experience.portal;

import java.util.List;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.Shipment;
import io.retailhub.experience.panels.Panel;

/** One of the shopper's orders: its lines, and its shipments and returns as panels that may degrade. */
record PortalOrder(Order order, Panel<List<Shipment>> shipments, Panel<List<ShopperReturn>> returns) {
}
