package io.retailhub.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A customer return (RMA) as recorded in ERP. {@code externalReference} is the hub's key for it,
 * which makes creation idempotent: ERP is asked for it before anything is created.
 */
public record ReturnAuthorization(ReturnAuthorizationId id, OrderId orderId, CustomerId customerId,
		String externalReference, ReturnAuthorizationStatus status, Instant createdAt, Money netAmount,
		List<ReturnLine> lines) {

	public ReturnAuthorization {
		lines = List.copyOf(lines);
	}
}
