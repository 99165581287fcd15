package io.retailhub.process.returns;

import io.retailhub.contracts.ReturnReason;

/**
 * A quantity of one order line the customer wants to return, and why; for an in-store return, what
 * the staff recorded at the counter ({@code atStore}, null otherwise).
 */
public record RequestedLine(String lineNumber, int quantity, ReturnReason reason, StoreInspection atStore) {

	public RequestedLine(String lineNumber, int quantity, ReturnReason reason) {
		this(lineNumber, quantity, reason, null);
	}

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
