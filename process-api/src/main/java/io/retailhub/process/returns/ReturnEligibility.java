package io.retailhub.process.returns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.contracts.Order;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationStatus;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnLineEvaluation;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.ShipmentStatus;

/**
 * Whether a return may go ahead. The commerce policy judges delivery, window, final sale and the
 * quantities ERP already took back; what only the hub knows is its own returns that are
 * eligible but have no RMA in ERP yet. Their quantities are added here, so two returns of the
 * same order can never together exceed what was delivered. Runs under the order's lock.
 */
final class ReturnEligibility {

	private ReturnEligibility() {
	}

	/**
	 * @param requested the lines of the return being judged
	 * @param order the order, with its shipments
	 * @param policy the policy's verdict on the requested quantities
	 * @param rmas ERP's customer returns of the order, as they were when the policy was asked
	 * @param otherReturns the hub's other live returns of the order
	 */
	static List<LineVerdict> judge(Collection<RequestedLine> requested, Order order, ReturnPolicyEvaluation policy,
			List<ReturnAuthorization> rmas, List<OpenReturn> otherReturns) {
		Map<String, Integer> returnedInErp = returnedInErp(rmas);
		Map<String, Integer> openInHub = openInHub(rmas, otherReturns);
		Map<String, Integer> delivered = delivered(order);
		List<LineVerdict> verdicts = new ArrayList<>();
		for (RequestedLine line : requested) {
			Optional<ReturnLineEvaluation> evaluated = policy.lines()
				.stream()
				.filter(e -> e.lineNumber().equals(line.lineNumber()))
				.findFirst();
			if (evaluated.isEmpty()) {
				verdicts.add(LineVerdict.declined(line.lineNumber(), null, ReturnDeclineReason.UNKNOWN_LINE, null));
				continue;
			}
			ReturnLineEvaluation evaluation = evaluated.get();
			if (!evaluation.eligible()) {
				ReturnDeclineReason reason = evaluation.declineReason() == null ? ReturnDeclineReason.UNKNOWN_LINE
						: evaluation.declineReason();
				verdicts.add(LineVerdict.declined(line.lineNumber(), evaluation.sku(), reason, reason.customerMessage()));
				continue;
			}
			int left = delivered.getOrDefault(line.lineNumber(), 0) - returnedInErp.getOrDefault(line.lineNumber(), 0)
					- openInHub.getOrDefault(line.lineNumber(), 0);
			if (line.quantity() > left) {
				verdicts.add(LineVerdict.declined(line.lineNumber(), evaluation.sku(),
						ReturnDeclineReason.QUANTITY_EXCEEDED, quantityMessage(Math.max(left, 0))));
				continue;
			}
			verdicts.add(new LineVerdict(line.lineNumber(), evaluation.sku(), true, null, null,
					evaluation.refundableAmount(), evaluation.restockingFee(), evaluation.promotionShare()));
		}
		return verdicts;
	}

	private static String quantityMessage(int left) {
		return ReturnDeclineReason.QUANTITY_EXCEEDED.customerMessage()
				+ (left == 0 ? " Every unit of this item is already returned or in an open return."
						: " At most " + left + " can still be returned.");
	}

	private static Map<String, Integer> delivered(Order order) {
		Map<String, Integer> delivered = new HashMap<>();
		order.shipments()
			.stream()
			.filter(s -> s.status() == ShipmentStatus.DELIVERED)
			.flatMap(s -> s.lines().stream())
			.forEach(l -> delivered.merge(l.lineNumber(), l.quantity(), Integer::sum));
		return delivered;
	}

	private static Map<String, Integer> returnedInErp(List<ReturnAuthorization> rmas) {
		Map<String, Integer> returned = new HashMap<>();
		rmas.stream()
			.filter(rma -> rma.status() != ReturnAuthorizationStatus.REJECTED)
			.flatMap(rma -> rma.lines().stream())
			.forEach(l -> returned.merge(l.lineNumber(), l.quantity(), Integer::sum));
		return returned;
	}

	/** Quantities of the hub's live returns that ERP does not count yet: those without an RMA in the list. */
	private static Map<String, Integer> openInHub(List<ReturnAuthorization> rmas, List<OpenReturn> otherReturns) {
		List<String> inErp = rmas.stream().map(ReturnAuthorization::externalReference).toList();
		Map<String, Integer> open = new HashMap<>();
		otherReturns.stream()
			.filter(r -> !inErp.contains(r.returnNumber()))
			.forEach(r -> r.quantities().forEach((line, quantity) -> open.merge(line, quantity, Integer::sum)));
		return open;
	}

	/** Another live return of the same order: its number (the RMA's external reference) and quantities by line. */
	record OpenReturn(String returnNumber, Map<String, Integer> quantities) {
	}
}
