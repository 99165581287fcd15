package io.retailhub.contracts.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;

/**
 * ERP confirmed an order. Published by process-api from its ERP order feed, once per order (a
 * re-delivered confirmation carries the same {@code ce_id}). {@code total} is what the customer
 * was charged; each line's {@code netAmount} is after promotions and is the ceiling of what
 * returns of that line can refund.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderConfirmed(OrderId orderId, CustomerId customerId, SalesChannel channel, Instant placedAt,
		Money total, List<Line> lines, Instant occurredAt) implements DomainEvent {

	public OrderConfirmed {
		Checks.present(orderId, "orderId");
		Checks.present(customerId, "customerId");
		Checks.present(channel, "channel");
		Checks.present(placedAt, "placedAt");
		Checks.present(total, "total");
		lines = Checks.nonEmpty(lines, "lines");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "orders/" + orderId;
	}

	/**
	 * One confirmed order line: {@code unitPrice} before promotions, {@code netAmount} for the
	 * whole line after them.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(String lineNumber, Sku sku, int quantity, Money unitPrice,
			Money netAmount) {

		public Line {
			Checks.text(lineNumber, "lineNumber");
			Checks.present(sku, "sku");
			Checks.positive(quantity, "quantity");
			Checks.present(unitPrice, "unitPrice");
			Checks.present(netAmount, "netAmount");
		}
	}
}
