package io.retailhub.process.refunds;

import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;

/**
 * What an inspected return asks to refund: the amount, and per order line the accepted quantity
 * and its amount, which become the ERP credit memo's lines.
 */
public record StartRefund(UUID returnId, OrderId orderId, String returnNumber, ReturnAuthorizationId rmaNumber,
		Money amount, List<Line> lines) {

	public StartRefund {
		lines = List.copyOf(lines);
	}

	public record Line(String lineNumber, int quantity, Money amount) {
	}
}
