package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sales order in the simulated ERP. {@code purchaseOrderByCustomer} is the customer-facing order
 * number; {@code placedAt} is kept to the second as {@code LastChangeDateTime}, the date fields
 * carry its day. Statuses use SAP's A (not yet) / B (partly) / C (completely).
 */
record SalesOrder(String salesOrder, String salesOrganization, String distributionChannel, String soldToParty,
		String purchaseOrderByCustomer, Instant placedAt, BigDecimal totalNetAmount, String currency,
		String overallDeliveryStatus, String overallSdProcessStatus, List<SalesOrderItem> items) {

	SalesOrder {
		items = List.copyOf(items);
	}

	Optional<SalesOrderItem> item(String itemNumber) {
		return items.stream().filter(i -> i.item().equals(itemNumber)).findFirst();
	}
}
