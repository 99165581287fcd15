package io.retailhub.contracts.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;

/**
 * Every received unit of the return has a disposition and the refund is computed. Published by
 * process-api. One entry of {@code lines} per order line and disposition (a line whose units
 * went different ways appears once per disposition). {@code refundAmount} is what will be
 * refunded: the lines' {@code refundAmount}s less {@code returnShippingFee}; it may be zero.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnInspected(ReturnId returnId, OrderId orderId, ReturnAuthorizationId rmaNumber, List<Line> lines,
		Money returnShippingFee, Money refundAmount, Instant occurredAt) implements DomainEvent {

	public ReturnInspected {
		Checks.present(returnId, "returnId");
		Checks.present(orderId, "orderId");
		Checks.present(rmaNumber, "rmaNumber");
		lines = Checks.nonEmpty(lines, "lines");
		Checks.present(returnShippingFee, "returnShippingFee");
		Checks.present(refundAmount, "refundAmount");
		if (refundAmount.isNegative()) {
			throw new IllegalArgumentException("refundAmount must not be negative");
		}
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "returns/" + returnId;
	}

	/**
	 * {@code quantity} units of one order line got {@code disposition}; {@code quantityAccepted}
	 * of them count toward the refund (always 0 for {@link Disposition#REFUSE}).
	 * {@code refundAmount} is those accepted units' share of the line's net amount, promotions
	 * taken off, less any restocking fee.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(String lineNumber, Sku sku, Disposition disposition, int quantity, int quantityAccepted,
			Money refundAmount) {

		public Line {
			Checks.text(lineNumber, "lineNumber");
			Checks.present(sku, "sku");
			Checks.present(disposition, "disposition");
			Checks.positive(quantity, "quantity");
			Checks.notNegative(quantityAccepted, "quantityAccepted");
			if (quantityAccepted > quantity) {
				throw new IllegalArgumentException("quantityAccepted must not exceed quantity");
			}
			if (disposition == Disposition.REFUSE && quantityAccepted != 0) {
				throw new IllegalArgumentException("refused units are never accepted");
			}
			Checks.present(refundAmount, "refundAmount");
			if (refundAmount.isNegative()) {
				throw new IllegalArgumentException("refundAmount must not be negative");
			}
		}
	}
}
