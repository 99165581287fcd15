package io.retailhub.contracts;

import java.util.List;

/**
 * The policy's verdict on a set of order lines. {@code returnShippingFee} is charged once per
 * return when the policy asks for it; {@code refundableTotal} sums the eligible lines less that fee.
 */
public record ReturnPolicyEvaluation(OrderId orderId, boolean eligible, List<ReturnLineEvaluation> lines,
		Money returnShippingFee, Money refundableTotal) {

	public ReturnPolicyEvaluation {
		lines = List.copyOf(lines);
	}
}
