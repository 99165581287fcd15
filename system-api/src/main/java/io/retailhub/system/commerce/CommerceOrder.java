package io.retailhub.system.commerce;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import io.retailhub.contracts.OrderId;

/**
 * An order as the storefront sold it: what each line cost before and after promotions, its
 * product category and whether it was sold as final sale. The ERP order stays the record of
 * what was invoiced; this is what the return policy needs beside it.
 */
public record CommerceOrder(OrderId id, Currency currency, Instant createdAt, List<CommerceOrderLine> lines) {

	public CommerceOrder {
		lines = List.copyOf(lines);
	}
}
