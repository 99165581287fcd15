package io.retailhub.process.returns;

import java.util.List;

import io.retailhub.contracts.ActingUser;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.events.ReturnChannel;

/**
 * A request to return some lines of an order. {@code requestKey} is the client's idempotency key:
 * asking again with the same key and the same request gives the same return. {@code requestedBy}
 * is the person the calling channel acts for, null when it named nobody. {@code storeId} is the store
 * location that took an in-store return (channel STORE, every line with its {@link StoreInspection}),
 * null for every other return.
 */
public record ReturnRequest(String requestKey, OrderId orderId, ReturnChannel channel, List<RequestedLine> lines,
		ActingUser requestedBy, String storeId) {

	public ReturnRequest {
		lines = List.copyOf(lines);
		if (storeId != null && (channel != ReturnChannel.STORE || lines.stream().anyMatch(l -> l.atStore() == null))) {
			throw new IllegalArgumentException("an in-store return comes through channel STORE with every line inspected");
		}
	}

	public ReturnRequest(String requestKey, OrderId orderId, ReturnChannel channel, List<RequestedLine> lines,
			ActingUser requestedBy) {
		this(requestKey, orderId, channel, lines, requestedBy, null);
	}

	/** Whether the parcel was handed over at a store, to be received there at once. */
	public boolean atStore() {
		return storeId != null;
	}

	public ReturnRequest(String requestKey, OrderId orderId, ReturnChannel channel, List<RequestedLine> lines) {
		this(requestKey, orderId, channel, lines, null);
	}
}
