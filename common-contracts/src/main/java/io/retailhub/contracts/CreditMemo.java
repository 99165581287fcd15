package io.retailhub.contracts;

import java.time.Instant;
import java.util.List;

/** A credit memo request posted in ERP for a return; keyed by the hub's external reference. */
public record CreditMemo(CreditMemoId id, OrderId orderId, CustomerId customerId, String externalReference,
		Money total, Instant createdAt, List<CreditMemoLine> lines) {

	public CreditMemo {
		lines = List.copyOf(lines);
	}
}
