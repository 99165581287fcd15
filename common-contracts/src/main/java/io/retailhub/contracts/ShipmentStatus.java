package io.retailhub.contracts;

/** Where a parcel is, in carrier terms. */
public enum ShipmentStatus {
	PRE_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, RETURN_TO_SENDER, FAILURE
}
