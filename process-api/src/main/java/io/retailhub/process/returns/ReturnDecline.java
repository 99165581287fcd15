package io.retailhub.process.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One reason a return was declined, worded for the customer. {@code lineNumber} is null when the
 * reason is about the whole return (an order the hub cannot find).
 */
@Embeddable
class ReturnDecline {

	/** Not one of the policy's reasons: the hub could not find the order at all. */
	static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";

	static final String ORDER_NOT_FOUND_MESSAGE = "We could not find this order. Please check the order number.";

	@Column(name = "line_number")
	private String lineNumber;

	@Column(name = "code", nullable = false)
	private String code;

	@Column(name = "message", nullable = false)
	private String message;

	protected ReturnDecline() {
	}

	ReturnDecline(String lineNumber, String code, String message) {
		this.lineNumber = lineNumber;
		this.code = code;
		this.message = message;
	}

	String lineNumber() {
		return lineNumber;
	}

	String code() {
		return code;
	}

	String message() {
		return message;
	}
}
