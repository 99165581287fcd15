package io.retailhub.experience.store;

import java.util.List;

import io.retailhub.contracts.Order;
import io.retailhub.experience.orders.LineEligibility;

/** An online order as the store counter sees it once the customer is verified. */
record StoreOrder(Order order, String customerName, List<LineEligibility> returnableLines) {
}
