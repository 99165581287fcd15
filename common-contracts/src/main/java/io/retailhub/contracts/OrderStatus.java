package io.retailhub.contracts;

/** Fulfilment state of an order as a whole. */
public enum OrderStatus {
	OPEN, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED
}
