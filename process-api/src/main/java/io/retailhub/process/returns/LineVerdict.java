package io.retailhub.process.returns;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.Sku;

/**
 * The judgement on one requested line: eligible with what the requested quantity would refund,
 * or declined with a reason the customer can read.
 */
record LineVerdict(String lineNumber, Sku sku, boolean eligible, ReturnDeclineReason declineReason, String message,
		Money refundableAmount, Money restockingFee, Money promotionShare) {

	static LineVerdict declined(String lineNumber, Sku sku, ReturnDeclineReason reason, String message) {
		return new LineVerdict(lineNumber, sku, false, reason, message == null ? reason.customerMessage() : message,
				null, null, null);
	}
}
