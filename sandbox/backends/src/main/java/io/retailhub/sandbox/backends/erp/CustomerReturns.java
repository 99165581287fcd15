package io.retailhub.sandbox.backends.erp;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoReturn;

import org.springframework.stereotype.Component;

/**
 * The customer returns of the simulated ERP: the legacy returns of the demo data (completed),
 * then whatever the hub creates. Creation validates like SAP: the referenced sales order and items
 * exist, quantities are whole positive pieces and, summed with the order's other returns, never
 * exceed the ordered quantity. Thread-safe: one lock guards the check and the insert.
 */
@Component
class CustomerReturns {

	/** The only return type the sandbox is customized for (advanced returns). */
	static final String RETURN_TYPE = "CBRE";

	/**
	 * The tenant's return reason customizing: 101 defective, 102 damaged in transit, 103 wrong
	 * material, 104 not as described, 105 too large, 106 too small, 107 color, 108 style, 109 no
	 * longer wanted, 199 other.
	 */
	static final Set<String> RETURN_REASONS = Set.of("101", "102", "103", "104", "105", "106", "107", "108", "109",
			"199");

	/** What the legacy returns of the demo data were booked with. */
	private static final String LEGACY_REASON = "109";

	private final SalesOrders salesOrders;

	private final Clock clock;

	private final Map<String, CustomerReturn> byNumber = new LinkedHashMap<>();

	private final DocumentIndex bySalesOrder = new DocumentIndex();

	private final DocumentIndex byPurchaseOrderByCustomer = new DocumentIndex();

	private long nextNumber = 60000001;

	private final AtomicLong created = new AtomicLong();

	CustomerReturns(DemoData data, SalesOrders salesOrders, Clock clock) {
		this.salesOrders = salesOrders;
		this.clock = clock;
		for (DemoOrder order : data.orders()) {
			for (DemoReturn legacy : order.returns()) {
				seed(salesOrders.find(order.salesOrder()).orElseThrow(), legacy);
			}
		}
	}

	synchronized List<CustomerReturn> all() {
		return List.copyOf(byNumber.values());
	}

	synchronized Optional<CustomerReturn> find(String number) {
		return Optional.ofNullable(byNumber.get(number));
	}

	/** The documents referencing this sales order, oldest first. */
	synchronized List<CustomerReturn> ofSalesOrder(String salesOrder) {
		return bySalesOrder.numbers(salesOrder).stream().map(byNumber::get).toList();
	}

	/** The documents carrying this customer reference ({@code PurchaseOrderByCustomer}), oldest first. */
	synchronized List<CustomerReturn> withPurchaseOrderByCustomer(String reference) {
		return byPurchaseOrderByCustomer.numbers(reference).stream().map(byNumber::get).toList();
	}

	/** Creates a customer return from a deep insert, or refuses it with a 400 OData error. */
	synchronized CustomerReturn create(DeepInsert header) {
		String type = header.required("CustomerReturnType");
		if (!type.equals(RETURN_TYPE)) {
			throw ODataException.invalid("V1/001", "Sales document type " + type + " is not defined for returns",
					"CustomerReturnType");
		}
		SalesOrder order = SalesOrderReference.header(header, salesOrders);
		List<DeepInsert> requested = header.navigation("to_Item");
		if (requested.isEmpty()) {
			throw ODataException.invalid("V1/555", "Enter at least one item", "to_Item");
		}
		Map<String, Integer> open = openQuantities(order);
		List<CustomerReturnItem> items = new ArrayList<>();
		for (DeepInsert item : requested) {
			SalesOrderItem reference = SalesOrderReference.item(item, order);
			int quantity = DeepInsert.pieces(item.required("RequestedQuantity"), "RequestedQuantity");
			String reason = item.required("ReturnReason");
			if (!RETURN_REASONS.contains(reason)) {
				throw ODataException.invalid("MSR_RETURNS/012", "Return reason " + reason + " is not defined",
						"ReturnReason");
			}
			int remaining = open.get(reference.item());
			if (quantity > remaining) {
				throw ODataException.invalid("MSR_RETURNS/021",
						"Return quantity " + quantity + " of item " + reference.item() + " of SD document "
								+ order.salesOrder() + " exceeds the returnable quantity " + remaining,
						"RequestedQuantity");
			}
			open.put(reference.item(), remaining - quantity);
			items.add(new CustomerReturnItem(itemNumber(items.size()), reference, quantity,
					SalesOrderReference.share(reference, quantity), reason));
		}
		CustomerReturn customerReturn = new CustomerReturn(Long.toString(nextNumber++), order,
				header.value("PurchaseOrderByCustomer"), header.value("SDDocumentReason"),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), false, items);
		add(customerReturn);
		created.incrementAndGet();
		return customerReturn;
	}

	/** Returns the hub created (seeded legacy returns not counted). */
	long created() {
		return created.get();
	}

	private Map<String, Integer> openQuantities(SalesOrder order) {
		Map<String, Integer> open = new LinkedHashMap<>();
		order.items().forEach(i -> open.put(i.item(), i.quantity()));
		ofSalesOrder(order.salesOrder()).stream()
			.flatMap(r -> r.items().stream())
			.forEach(i -> open.merge(i.reference().item(), -i.quantity(), Integer::sum));
		return open;
	}

	private void seed(SalesOrder order, DemoReturn legacy) {
		List<String> returnedItems = new ArrayList<>(legacy.quantities().keySet());
		returnedItems.sort(Comparator.comparingInt(Integer::parseInt));
		List<CustomerReturnItem> items = new ArrayList<>();
		for (String itemNumber : returnedItems) {
			SalesOrderItem reference = order.item(itemNumber).orElseThrow();
			int quantity = legacy.quantities().get(itemNumber);
			items.add(new CustomerReturnItem(itemNumber(items.size()), reference, quantity,
					SalesOrderReference.share(reference, quantity), LEGACY_REASON));
		}
		CustomerReturn customerReturn = new CustomerReturn(Long.toString(nextNumber++), order, legacy.reference(), "",
				legacy.returnedAt(), true, items);
		add(customerReturn);
	}

	static String itemNumber(int index) {
		return Integer.toString((index + 1) * 10);
	}

	private void add(CustomerReturn customerReturn) {
		byNumber.put(customerReturn.number(), customerReturn);
		bySalesOrder.add(customerReturn.order().salesOrder(), customerReturn.number());
		byPurchaseOrderByCustomer.add(customerReturn.purchaseOrderByCustomer(), customerReturn.number());
	}
}
