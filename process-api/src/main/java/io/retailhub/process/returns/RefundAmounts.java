package io.retailhub.process.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.retailhub.contracts.Money;

/**
 * The refund arithmetic of one return, in the order's currency and rounded once per line by
 * {@link Money#share(long, long)}: each line refunds its accepted units' share of what the
 * requested quantity would refund (promotion share and restocking fee already taken off by the
 * policy); the return shipping fee comes off once per return; the total is never negative and
 * never more than {@code cap}, what is left of the order's payment after every other refund.
 */
final class RefundAmounts {

	private RefundAmounts() {
	}

	/** One line: what the requested quantity would refund, how many were requested and accepted. */
	record Input(String lineNumber, Money refundableForRequested, int requested, int accepted) {

		Input {
			Objects.requireNonNull(refundableForRequested, "refundableForRequested");
			if (requested <= 0 || accepted < 0) {
				throw new IllegalArgumentException("requested must be positive and accepted not negative");
			}
		}
	}

	record LineAmount(String lineNumber, int accepted, Money amount) {
	}

	/**
	 * @param lines the lines before fee and cap
	 * @param total what will be refunded
	 * @param capped whether the cap took something off
	 */
	record Result(List<LineAmount> lines, Money linesTotal, Money total, boolean capped) {
	}

	static Result compute(List<Input> inputs, Money returnShippingFee, Money cap) {
		Money linesTotal = Money.zero(cap.currency());
		List<LineAmount> lines = new ArrayList<>();
		for (Input input : inputs) {
			int accepted = Math.min(input.accepted(), input.requested());
			Money amount = input.refundableForRequested().isPositive()
					? input.refundableForRequested().share(accepted, input.requested())
					: Money.zero(cap.currency());
			lines.add(new LineAmount(input.lineNumber(), accepted, amount));
			linesTotal = linesTotal.plus(amount);
		}
		Money fee = returnShippingFee == null ? Money.zero(cap.currency()) : returnShippingFee;
		Money afterFee = linesTotal.minus(fee);
		if (afterFee.isNegative()) {
			afterFee = Money.zero(cap.currency());
		}
		Money ceiling = cap.isNegative() ? Money.zero(cap.currency()) : cap;
		Money total = afterFee.min(ceiling);
		return new Result(List.copyOf(lines), linesTotal, total, total.compareTo(afterFee) < 0);
	}
}
