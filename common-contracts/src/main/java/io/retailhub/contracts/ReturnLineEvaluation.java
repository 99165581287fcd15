package io.retailhub.contracts;

import java.time.Instant;

/**
 * The commerce policy's verdict on returning {@code quantity} units of one order line.
 * {@code refundableAmount} is what the returned units would refund: their share of the line's net
 * amount (promotions already taken off) less {@code restockingFee}. {@code declineReason} is null
 * when {@code eligible}. {@code returnableQuantity} is how many units of the line may still be
 * returned at all (delivered less those in earlier returns), whatever was asked: a request for
 * more is declined as {@code QUANTITY_EXCEEDED}, and one for that many may be accepted.
 */
public record ReturnLineEvaluation(String lineNumber, Sku sku, String category, int quantity, boolean eligible,
		ReturnDeclineReason declineReason, String message, Instant windowEndsAt, Money promotionShare,
		Money restockingFee, Money refundableAmount, int returnableQuantity) {
}
