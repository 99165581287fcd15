package io.retailhub.contracts;

/** A refund's state at the payment provider. */
public enum RefundStatus {
	PENDING, REQUIRES_ACTION, SUCCEEDED, FAILED, CANCELED
}
