package io.retailhub.process.returns;

import io.retailhub.contracts.ReturnReason;

/** A quantity of one order line the customer wants to return, and why. */
public record RequestedLine(String lineNumber, int quantity, ReturnReason reason) {

	public RequestedLine {
		if (lineNumber == null || lineNumber.isBlank()) {
			throw new IllegalArgumentException("lineNumber must not be blank");
		}
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive");
		}
		if (reason == null) {
			throw new IllegalArgumentException("reason is required");
		}
	}
}
