package io.retailhub.contracts;

/** Where an order was placed. */
public enum SalesChannel {
	WEB, STORE, MARKETPLACE
}
