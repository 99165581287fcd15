package io.retailhub.process.returns;

import java.util.List;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.events.ReturnChannel;

/**
 * A request to return some lines of an order. {@code requestKey} is the client's idempotency key:
 * asking again with the same key and the same request gives the same return.
 */
public record ReturnRequest(String requestKey, OrderId orderId, ReturnChannel channel, List<RequestedLine> lines) {

	public ReturnRequest {
		lines = List.copyOf(lines);
	}
}
