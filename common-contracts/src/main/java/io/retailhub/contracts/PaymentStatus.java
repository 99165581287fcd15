package io.retailhub.contracts;

/** State of an order's payment at the provider. */
public enum PaymentStatus {
	PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, FAILED, CANCELED
}
