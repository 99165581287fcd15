package io.retailhub.contracts;

import java.time.Instant;

/**
 * The commerce policy's verdict on returning {@code quantity} units of one order line.
 * {@code refundableAmount} is what the returned units would refund: their share of the line's net
 * amount (promotions already taken off) less {@code restockingFee}. {@code declineReason} is null
 * when {@code eligible}.
 */
public record ReturnLineEvaluation(String lineNumber, Sku sku, String category, int quantity, boolean eligible,
		ReturnDeclineReason declineReason, String message, Instant windowEndsAt, Money promotionShare,
		Money restockingFee, Money refundableAmount) {
}
