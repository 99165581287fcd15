package io.retailhub.experience.orders;

import java.time.Instant;

import io.retailhub.contracts.Money;

/**
 * Whether a line of an order can be returned now, and what it would refund.
 *
 * @param ordered units ordered
 * @param inOpenReturns units in returns still running (they cannot be returned twice)
 * @param returnable units that can be returned now (0 when not eligible)
 * @param eligible whether a return of this line would be accepted now
 * @param reason why not ({@code FINAL_SALE}, {@code RETURN_PERIOD_ENDED}, {@code NOT_DELIVERED},
 * {@code QUANTITY_EXCEEDED}, {@code RETURN_IN_PROGRESS}); null when eligible
 * @param message the reason in words a shopper understands
 * @param windowEndsAt the last moment of the return window, when the policy has one
 * @param refundEstimate what returning the {@code returnable} units would refund (promotions and
 * restocking fees taken off; before the return shipping fee)
 */
public record LineEligibility(String lineNumber, String sku, String description, int ordered, int inOpenReturns,
		int returnable, boolean eligible, String reason, String message, Instant windowEndsAt, Money refundEstimate) {
}
