package io.retailhub.process.refunds;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

/** What a refund credits for one order line: the credit memo's line. */
@Embeddable
class RefundLine {

	private String lineNumber;

	private int quantity;

	private BigDecimal amount;

	protected RefundLine() {
	}

	RefundLine(String lineNumber, int quantity, BigDecimal amount) {
		this.lineNumber = lineNumber;
		this.quantity = quantity;
		this.amount = amount;
	}

	String lineNumber() {
		return lineNumber;
	}

	int quantity() {
		return quantity;
	}

	BigDecimal amount() {
		return amount;
	}
}
