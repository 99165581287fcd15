package io.retailhub.sandbox.backends.erp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoInvoice;
import io.retailhub.sandbox.backends.data.DemoOrder;

import org.springframework.stereotype.Component;

/**
 * The invoices of the simulated ERP: those of the demo data, one per shipped parcel. Orders placed
 * through the admin API ship nothing, so they are never billed; nothing changes after start, so
 * readers need no lock.
 */
@Component
class BillingDocuments {

	private final Map<String, BillingDocument> byNumber;

	private final Map<String, List<BillingDocument>> bySalesOrder;

	BillingDocuments(DemoData data, SalesOrders salesOrders) {
		Map<String, BillingDocument> invoices = new LinkedHashMap<>();
		Map<String, List<BillingDocument>> ofOrder = new LinkedHashMap<>();
		for (DemoOrder demo : data.orders()) {
			SalesOrder order = salesOrders.find(demo.salesOrder()).orElseThrow();
			List<BillingDocument> billed = new ArrayList<>();
			for (DemoInvoice invoice : demo.invoices()) {
				List<BillingDocument.Item> items = invoice.items()
					.stream()
					.map(i -> {
						SalesOrderItem reference = order.item(i.orderItem()).orElseThrow();
						return new BillingDocument.Item(i.billingItem(), reference, i.quantity(),
								SalesOrderReference.share(reference, i.quantity()));
					})
					.toList();
				BillingDocument document = new BillingDocument(invoice.billingDocument(), order, invoice.billedAt(),
						items);
				invoices.put(document.number(), document);
				billed.add(document);
			}
			ofOrder.put(order.salesOrder(), List.copyOf(billed));
		}
		this.byNumber = Collections.unmodifiableMap(invoices);
		this.bySalesOrder = Collections.unmodifiableMap(ofOrder);
	}

	List<BillingDocument> all() {
		return List.copyOf(byNumber.values());
	}

	Optional<BillingDocument> find(String number) {
		return Optional.ofNullable(byNumber.get(number));
	}

	/** The invoices of a sales order, oldest first. */
	List<BillingDocument> ofSalesOrder(String salesOrder) {
		return bySalesOrder.getOrDefault(salesOrder, List.of());
	}
}
