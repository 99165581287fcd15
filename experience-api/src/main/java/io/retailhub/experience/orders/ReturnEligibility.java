package io.retailhub.experience.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnLineEvaluation;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.commands.EvaluateReturnPolicy;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.experience.downstream.ProcessReturn;
import io.retailhub.experience.downstream.SystemApiClient;

import org.springframework.stereotype.Component;

/**
 * Which lines of an order can be returned now: the commerce platform's return policy (through
 * the system API) for the units not already in a running return of the hub's.
 */
@Component
public class ReturnEligibility {

	static final String IN_PROGRESS = "RETURN_IN_PROGRESS";

	/** Why a line with nothing left to return cannot be, in a shopper's words (not "more than can be"). */
	static final String ALL_RETURNED = "Every unit of this item has been returned already or is in a return.";

	/** The reason the estimate assumes: one with no free return shipping and no damage. */
	private static final ReturnReason ESTIMATE_REASON = ReturnReason.OTHER;

	private final SystemApiClient system;

	ReturnEligibility(SystemApiClient system) {
		this.system = system;
	}

	/**
	 * @param order the order with its lines
	 * @param returns the order's returns at the process layer
	 */
	public List<LineEligibility> of(Order order, List<ProcessReturn> returns) {
		Map<String, Integer> held = new HashMap<>();
		for (ProcessReturn running : returns) {
			if (running.ended() || "DECLINED".equals(running.status())) {
				continue;
			}
			running.lines().forEach(line -> held.merge(line.lineNumber(), line.quantity(), Integer::sum));
		}
		List<ReturnLineRequest> asked = new ArrayList<>();
		for (OrderLine line : order.lines()) {
			int left = line.quantity() - held.getOrDefault(line.lineNumber(), 0);
			if (left > 0) {
				asked.add(new ReturnLineRequest(line.lineNumber(), left, ESTIMATE_REASON));
			}
		}
		Map<String, ReturnLineEvaluation> evaluated = new HashMap<>();
		if (!asked.isEmpty()) {
			ReturnPolicyEvaluation evaluation = this.system.evaluate(new EvaluateReturnPolicy(order.id(), asked));
			evaluation.lines().forEach(line -> evaluated.put(line.lineNumber(), line));
			askAgainForWhatRemains(order, asked, evaluated);
		}
		List<LineEligibility> lines = new ArrayList<>();
		for (OrderLine line : order.lines()) {
			int inReturns = Math.min(line.quantity(), held.getOrDefault(line.lineNumber(), 0));
			ReturnLineEvaluation verdict = evaluated.get(line.lineNumber());
			if (verdict == null) {
				lines.add(new LineEligibility(line.lineNumber(), line.sku().value(), line.description(),
						line.quantity(), inReturns, 0, false, IN_PROGRESS,
						"All units of this item are already in a return.", null, null));
			}
			else if (verdict.eligible()) {
				lines.add(new LineEligibility(line.lineNumber(), line.sku().value(), line.description(),
						line.quantity(), inReturns, verdict.quantity(), true, null, null, verdict.windowEndsAt(),
						verdict.refundableAmount()));
			}
			else {
				String reason = verdict.declineReason() == null ? "NOT_ELIGIBLE" : verdict.declineReason().name();
				String message = verdict.declineReason() == null ? verdict.message()
						: verdict.declineReason() == ReturnDeclineReason.QUANTITY_EXCEEDED
								&& verdict.returnableQuantity() == 0 ? ALL_RETURNED
										: verdict.declineReason().customerMessage();
				lines.add(new LineEligibility(line.lineNumber(), line.sku().value(), line.description(),
						line.quantity(), inReturns, 0, false, reason, message, verdict.windowEndsAt(), null));
			}
		}
		return lines;
	}

	/**
	 * Lines of which fewer units remain than were asked for (some were returned before, outside
	 * the hub's running returns, or were never delivered) are declined as a whole: the policy is
	 * asked once more for the units it says remain, so those can still be returned.
	 */
	private void askAgainForWhatRemains(Order order, List<ReturnLineRequest> asked,
			Map<String, ReturnLineEvaluation> evaluated) {
		List<ReturnLineRequest> again = new ArrayList<>();
		for (ReturnLineRequest request : asked) {
			ReturnLineEvaluation verdict = evaluated.get(request.lineNumber());
			if (verdict != null && verdict.declineReason() == ReturnDeclineReason.QUANTITY_EXCEEDED
					&& verdict.returnableQuantity() > 0 && verdict.returnableQuantity() < request.quantity()) {
				again.add(new ReturnLineRequest(request.lineNumber(), verdict.returnableQuantity(), ESTIMATE_REASON));
			}
		}
		if (!again.isEmpty()) {
			this.system.evaluate(new EvaluateReturnPolicy(order.id(), again))
				.lines()
				.forEach(line -> evaluated.put(line.lineNumber(), line));
		}
	}
}
