package io.retailhub.system.returnpolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnLineEvaluation;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.system.commerce.CommerceOrderLine;
import io.retailhub.system.commerce.ReturnPolicy;

/**
 * The commerce return policy applied to an order's lines; pure, so every rule is tested without
 * backends. A line is returnable when it is part of the order, not final sale, delivered, inside
 * its category's window counted from delivery, and the quantity is not more than was delivered
 * less what earlier returns already took. It refunds its share of what was paid for the line
 * (promotions already taken off) less the category's restocking fee; the return shipping fee is
 * charged once per return unless every line comes back for a reason the merchant pays for.
 */
final class ReturnPolicyRules {

	/** What the other systems know about one order line. */
	record LineFacts(OrderLine line, Optional<CommerceOrderLine> commerce, int deliveredQuantity,
			Instant deliveredAt, int alreadyReturned) {
	}

	private ReturnPolicyRules() {
	}

	static ReturnPolicyEvaluation evaluate(Order order, List<ReturnLineRequest> requested,
			Map<String, LineFacts> factsByLine, ReturnPolicy policy, Instant now) {
		List<ReturnLineEvaluation> evaluations = new ArrayList<>();
		Money zero = Money.zero(order.total().currency());
		Money refundable = zero;
		boolean allEligible = true;
		boolean merchantPaysShipping = true;
		for (ReturnLineRequest request : requested) {
			LineFacts facts = factsByLine.get(request.lineNumber());
			ReturnLineEvaluation evaluation = facts == null ? unknownLine(request, zero)
					: evaluateLine(request, facts, policy, now, zero);
			evaluations.add(evaluation);
			if (evaluation.eligible()) {
				refundable = refundable.plus(evaluation.refundableAmount());
				merchantPaysShipping &= policy.freeReturnReasons().contains(request.reason());
			}
			else {
				allEligible = false;
			}
		}
		Money shippingFee = merchantPaysShipping || refundable.isZero() ? zero
				: policy.returnShippingFee(order.total().currency()).orElse(zero);
		Money total = refundable.minus(shippingFee);
		return new ReturnPolicyEvaluation(order.id(), allEligible, evaluations, shippingFee,
				total.isNegative() ? zero : total);
	}

	private static ReturnLineEvaluation evaluateLine(ReturnLineRequest request, LineFacts facts, ReturnPolicy policy,
			Instant now, Money zero) {
		OrderLine line = facts.line();
		String category = facts.commerce().map(CommerceOrderLine::category).orElse(null);
		boolean finalSale = facts.commerce().map(CommerceOrderLine::finalSale).orElse(false);
		Instant windowEndsAt = facts.deliveredAt() == null ? null
				: facts.deliveredAt().plus(Duration.ofDays(policy.windowDays(category)));
		int quantity = request.quantity();

		ReturnDeclineReason decline = null;
		if (finalSale) {
			decline = ReturnDeclineReason.FINAL_SALE;
		}
		else if (facts.deliveredQuantity() == 0 || windowEndsAt == null) {
			decline = ReturnDeclineReason.NOT_DELIVERED;
		}
		else if (now.isAfter(windowEndsAt)) {
			decline = ReturnDeclineReason.RETURN_PERIOD_ENDED;
		}
		else if (quantity > facts.deliveredQuantity() - facts.alreadyReturned()) {
			decline = ReturnDeclineReason.QUANTITY_EXCEEDED;
		}

		int shareOf = line.quantity();
		int shareQuantity = Math.min(quantity, shareOf);
		Money promotionShare = facts.commerce()
			.map(c -> c.discount().share(shareQuantity, shareOf))
			.orElse(zero);
		int returnable = Math.max(0, facts.deliveredQuantity() - facts.alreadyReturned());
		if (decline != null) {
			return new ReturnLineEvaluation(line.lineNumber(), line.sku(), category, quantity, false, decline,
					decline.customerMessage(), windowEndsAt, promotionShare, zero, zero, returnable);
		}
		Money paid = line.netAmount().share(quantity, shareOf);
		BigDecimal feeRate = policy.restockingFeeRate(category);
		Money restockingFee = paid.times(feeRate);
		return new ReturnLineEvaluation(line.lineNumber(), line.sku(), category, quantity, true, null,
				"This item can be returned until " + windowEndsAt + ".", windowEndsAt, promotionShare, restockingFee,
				paid.minus(restockingFee), returnable);
	}

	private static ReturnLineEvaluation unknownLine(ReturnLineRequest request, Money zero) {
		return new ReturnLineEvaluation(request.lineNumber(), null, null, request.quantity(), false,
				ReturnDeclineReason.UNKNOWN_LINE, ReturnDeclineReason.UNKNOWN_LINE.customerMessage(), null, zero, zero,
				zero, 0);
	}
}
