package io.retailhub.sandbox.backends.erp;

import java.time.Clock;
import java.time.Instant;
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
import io.retailhub.sandbox.backends.state.NumberRange;
import io.retailhub.sandbox.backends.state.SandboxState;

import org.springframework.stereotype.Component;

/**
 * The customer returns of the simulated ERP: the legacy returns of the demo data (completed,
 * entered against the invoice as SAP's sample does), then whatever the hub creates. Creation
 * validates like SAP: the referenced sales order or invoice and its items exist ({@link
 * SalesOrderReference}), the header's order reason and the items' return reasons are in their
 * own code lists, quantities are whole positive pieces and, summed with the order's other returns,
 * never exceed the ordered quantity, nor, for an invoice item, the billed one (rejected items no
 * longer count). Thread-safe: one lock guards the check and the insert; every change runs as a
 * change of the {@link SandboxState}, which may keep it across restarts.
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

	/**
	 * The tenant's reasons for rejection ({@code SalesDocumentRjcnReason}, two characters): 01 to
	 * 05, 10, 11 and 50 as in SAP's standard customizing, Z1 "return canceled by the customer" and
	 * Z2 "return not received in time" as this tenant's own.
	 */
	static final Set<String> REJECTION_REASONS = Set.of("01", "02", "03", "04", "05", "10", "11", "50", "Z1", "Z2");

	/** The only field of a customer return item the sandbox lets a client change. */
	static final String REJECTION_REASON = "SalesDocumentRjcnReason";

	/** What the legacy returns of the demo data were booked with. */
	private static final String LEGACY_REASON = "109";

	private final SalesOrders salesOrders;

	private final BillingDocuments invoices;

	private final Clock clock;

	private final SandboxState state;

	private final Map<String, CustomerReturn> byNumber = new LinkedHashMap<>();

	private final DocumentIndex bySalesOrder = new DocumentIndex();

	private final DocumentIndex byReferencedDocument = new DocumentIndex();

	private final DocumentIndex byPurchaseOrderByCustomer = new DocumentIndex();

	/** The legacy returns' numbers come first; then the range's. */
	private long nextSeeded = 60000001;

	private final NumberRange numbers;

	private final AtomicLong created = new AtomicLong();

	private final AtomicLong itemsRejected = new AtomicLong();

	private final AtomicLong changes = new AtomicLong();

	private final AtomicLong goodsReceipts = new AtomicLong();

	/** Successful changes per customer return. Guarded by {@code this}. */
	private final Map<String, Long> changesByReturn = new LinkedHashMap<>();

	CustomerReturns(DemoData data, SalesOrders salesOrders, BillingDocuments invoices, Clock clock,
			SandboxState state) {
		this.salesOrders = salesOrders;
		this.invoices = invoices;
		this.clock = clock;
		this.state = state;
		for (DemoOrder order : data.orders()) {
			for (DemoReturn legacy : order.returns()) {
				seed(order, legacy);
			}
		}
		this.numbers = state.numbers("erp.customer-returns", nextSeeded);
	}

	synchronized List<CustomerReturn> all() {
		return List.copyOf(byNumber.values());
	}

	synchronized Optional<CustomerReturn> find(String number) {
		return Optional.ofNullable(byNumber.get(number));
	}

	/** The returns of this sales order, whatever they reference (the order or its invoices), oldest first. */
	synchronized List<CustomerReturn> ofSalesOrder(String salesOrder) {
		return bySalesOrder.numbers(salesOrder).stream().map(byNumber::get).toList();
	}

	/** The returns whose header or an item references this document (a sales order or an invoice), oldest first. */
	synchronized List<CustomerReturn> referencing(String document) {
		return byReferencedDocument.numbers(document).stream().map(byNumber::get).toList();
	}

	/** The documents carrying this customer reference ({@code PurchaseOrderByCustomer}), oldest first. */
	synchronized List<CustomerReturn> withPurchaseOrderByCustomer(String reference) {
		return byPurchaseOrderByCustomer.numbers(reference).stream().map(byNumber::get).toList();
	}

	/** Creates a customer return from a deep insert, or refuses it with a 400 OData error. */
	CustomerReturn create(DeepInsert header) {
		return state.change(() -> doCreate(header));
	}

	private synchronized CustomerReturn doCreate(DeepInsert header) {
		String type = header.required("CustomerReturnType");
		if (!type.equals(RETURN_TYPE)) {
			throw ODataException.invalid("V1/001", "Sales document type " + type + " is not defined for returns",
					"CustomerReturnType");
		}
		SalesOrderReference.Header reference = SalesOrderReference.header(header, salesOrders, invoices);
		String orderReason = OrderReasons.of(header);
		List<DeepInsert> requested = header.navigation("to_Item");
		if (requested.isEmpty()) {
			throw ODataException.invalid("V1/555", "Enter at least one item", "to_Item");
		}
		SalesOrder order = reference.order();
		Map<String, Integer> open = openQuantities(order);
		List<CustomerReturnItem> items = new ArrayList<>();
		for (DeepInsert item : requested) {
			SalesOrderReference.Item referenced = SalesOrderReference.item(item, reference, invoices);
			int quantity = DeepInsert.pieces(item.required("RequestedQuantity"), "RequestedQuantity");
			String reason = item.required("ReturnReason");
			if (!RETURN_REASONS.contains(reason)) {
				throw ODataException.invalid("MSR_RETURNS/012", "Return reason " + reason + " is not defined",
						"ReturnReason");
			}
			take(open, orderItemKey(referenced.orderItem()), quantity, referenced.orderItem().item(),
					order.salesOrder());
			if (!referenced.category().equals(SalesOrderReference.SALES_ORDER)) {
				take(open, referencedItemKey(referenced), quantity, referenced.item(), referenced.document());
			}
			items.add(new CustomerReturnItem(itemNumber(items.size()), referenced, quantity,
					SalesOrderReference.share(referenced.orderItem(), quantity), reason, "", false));
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		CustomerReturn customerReturn = new CustomerReturn(Long.toString(numbers.next()), reference,
				header.value("PurchaseOrderByCustomer"), orderReason, now, now, false, items);
		add(customerReturn);
		created.incrementAndGet();
		return customerReturn;
	}

	/** Takes a returned quantity from what is still returnable under this key, or refuses it. */
	private static void take(Map<String, Integer> open, String key, int quantity, String item, String document) {
		int remaining = open.get(key);
		if (quantity > remaining) {
			throw ODataException.invalid("MSR_RETURNS/021", "Return quantity " + quantity + " of item " + item
					+ " of SD document " + document + " exceeds the returnable quantity " + remaining,
					"RequestedQuantity");
		}
		open.put(key, remaining - quantity);
	}

	/**
	 * Changes one item under its return's ETag, as a MERGE/PATCH of {@code A_CustomerReturnItem}
	 * does. Only the reason for rejection can be changed: set to reject the item, empty to take the
	 * rejection back. A received item can no longer be rejected. Every change advances the return's
	 * {@code LastChangeDateTime}, and with it the return's ETag (the item declares no concurrency
	 * token, so it has none of its own).
	 * @param ifMatch the client's {@code If-Match}: the return's current ETag or {@code *}
	 * @throws ODataException 404 for an unknown return or item, 412 for a stale ETag, 400 for a
	 * field or value the sandbox does not take
	 */
	CustomerReturn changeItem(String number, String itemNumber, Map<String, String> changed, String ifMatch) {
		return state.change(() -> doChangeItem(number, itemNumber, changed, ifMatch));
	}

	private synchronized CustomerReturn doChangeItem(String number, String itemNumber, Map<String, String> changed,
			String ifMatch) {
		CustomerReturn customerReturn = byNumber.get(number);
		CustomerReturnItem item = customerReturn == null ? null
				: customerReturn.items().stream().filter(i -> i.item().equals(itemNumber)).findFirst().orElse(null);
		if (item == null) {
			throw ODataException.documentNotFound(number + "/" + itemNumber);
		}
		if (!etagMatches(ifMatch, customerReturn.etag())) {
			throw ODataException.preconditionFailed();
		}
		for (String field : changed.keySet()) {
			if (!field.equals(REJECTION_REASON)) {
				throw ODataException.invalid("MSR_RETURNS/030",
						"Field " + field + " of a customer return item cannot be changed in this system", field);
			}
		}
		CustomerReturnItem result = item;
		if (changed.containsKey(REJECTION_REASON)) {
			String reason = changed.get(REJECTION_REASON).strip();
			if (!reason.isEmpty() && !REJECTION_REASONS.contains(reason)) {
				throw ODataException.invalid("V1/147", "Reason for rejection " + reason + " is not defined",
						REJECTION_REASON);
			}
			if (!reason.isEmpty() && !item.rejected() && item.received()) {
				throw ODataException.invalid("MSR_RETURNS/031", "Item " + itemNumber + " of customer return " + number
						+ " has been received; it can no longer be rejected", REJECTION_REASON);
			}
			if (!reason.isEmpty() && !item.rejected()) {
				itemsRejected.incrementAndGet();
			}
			result = item.rejectedFor(reason);
		}
		CustomerReturnItem replacement = result;
		CustomerReturn changedReturn = customerReturn.changed(customerReturn.items()
			.stream()
			.map(i -> i.item().equals(itemNumber) ? replacement : i)
			.toList(), nextChange(customerReturn));
		byNumber.put(number, changedReturn);
		changes.incrementAndGet();
		changesByReturn.merge(number, 1L, Long::sum);
		return changedReturn;
	}

	/**
	 * The warehouse posts the goods receipt of a returns parcel: the items of the received order
	 * lines are marked received ({@code ReturnsMaterialHasBeenReceived = X}), atomically with the
	 * check that they are not rejected.
	 */
	ReturnGoodsReceipts.Outcome postGoodsReceipt(String number, Set<String> orderLines) {
		return state.change(() -> doPostGoodsReceipt(number, orderLines));
	}

	private synchronized ReturnGoodsReceipts.Outcome doPostGoodsReceipt(String number, Set<String> orderLines) {
		CustomerReturn customerReturn = byNumber.get(number);
		if (customerReturn == null) {
			return ReturnGoodsReceipts.Outcome.UNKNOWN;
		}
		List<CustomerReturnItem> receivable = customerReturn.items()
			.stream()
			.filter(i -> orderLines.contains(i.orderItem().item()) && !i.rejected())
			.toList();
		if (receivable.isEmpty()) {
			return ReturnGoodsReceipts.Outcome.REJECTED;
		}
		byNumber.put(number, customerReturn.changed(customerReturn.items()
			.stream()
			.map(i -> receivable.contains(i) ? i.receivedNow() : i)
			.toList(), nextChange(customerReturn)));
		goodsReceipts.incrementAndGet();
		return ReturnGoodsReceipts.Outcome.POSTED;
	}

	/**
	 * Puts saved returns in place: a seeded return as it was changed, a created one added, and
	 * their numbers never handed out again.
	 */
	synchronized void restore(List<CustomerReturn> saved) {
		for (CustomerReturn customerReturn : saved) {
			if (byNumber.containsKey(customerReturn.number())) {
				byNumber.put(customerReturn.number(), customerReturn);
			}
			else {
				add(customerReturn);
			}
			numbers.skipTo(Long.parseLong(customerReturn.number()) + 1);
		}
	}

	/** Items rejected by a client (each counted once, when its rejection was set). */
	long itemsRejected() {
		return itemsRejected.get();
	}

	/** Successful MERGE/PATCH requests on customer return items. */
	long changes() {
		return changes.get();
	}

	/** Successful MERGE/PATCH requests on the items of one customer return. */
	synchronized long changesOf(String number) {
		return changesByReturn.getOrDefault(number, 0L);
	}

	long goodsReceipts() {
		return goodsReceipts.get();
	}

	/** Returns the hub created (seeded legacy returns not counted). */
	long created() {
		return created.get();
	}

	/**
	 * What is still returnable of the order: per sales order item, the ordered quantity; per
	 * invoice item, the billed one; each less what the order's returns (rejected items not
	 * counted) took from it.
	 */
	private Map<String, Integer> openQuantities(SalesOrder order) {
		Map<String, Integer> open = new LinkedHashMap<>();
		order.items().forEach(i -> open.put(orderItemKey(i), i.quantity()));
		for (BillingDocument invoice : invoices.ofSalesOrder(order.salesOrder())) {
			invoice.items()
				.forEach(i -> open.put(referencedItemKey(SalesOrderReference.Item.of(invoice, i)), i.quantity()));
		}
		ofSalesOrder(order.salesOrder()).stream()
			.flatMap(r -> r.items().stream())
			.filter(i -> !i.rejected())
			.forEach(i -> {
				open.merge(orderItemKey(i.orderItem()), -i.quantity(), Integer::sum);
				if (!i.reference().category().equals(SalesOrderReference.SALES_ORDER)) {
					open.merge(referencedItemKey(i.reference()), -i.quantity(), Integer::sum);
				}
			});
		return open;
	}

	private static String orderItemKey(SalesOrderItem item) {
		return item.salesOrder() + "/" + item.item();
	}

	private static String referencedItemKey(SalesOrderReference.Item reference) {
		return reference.document() + "/" + reference.item();
	}

	/** A legacy return, entered against the invoice of the returned items as SAP's sample does. */
	private void seed(DemoOrder demo, DemoReturn legacy) {
		SalesOrder order = salesOrders.find(demo.salesOrder()).orElseThrow();
		List<String> returnedItems = new ArrayList<>(legacy.quantities().keySet());
		returnedItems.sort(Comparator.comparingInt(Integer::parseInt));
		List<CustomerReturnItem> items = new ArrayList<>();
		SalesOrderReference.Header reference = null;
		for (String itemNumber : returnedItems) {
			SalesOrderReference.Item referenced = LegacyReferences.item(demo, order, itemNumber, invoices);
			if (reference == null) {
				reference = LegacyReferences.header(referenced, order, invoices);
			}
			int quantity = legacy.quantities().get(itemNumber);
			items.add(new CustomerReturnItem(itemNumber(items.size()), referenced, quantity,
					SalesOrderReference.share(referenced.orderItem(), quantity), LEGACY_REASON, "", true));
		}
		CustomerReturn customerReturn = new CustomerReturn(Long.toString(nextSeeded++), reference, legacy.reference(),
				"", legacy.returnedAt(), legacy.returnedAt(), true, items);
		add(customerReturn);
	}

	/** Now, but always after the last change, so that every change gets a new ETag. */
	private Instant nextChange(CustomerReturn customerReturn) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant earliest = customerReturn.lastChangedAt().plusMillis(1);
		return now.isBefore(earliest) ? earliest : now;
	}

	/** {@code *}, or the ETag itself; a weak and a strong form of the same tag match. */
	static boolean etagMatches(String ifMatch, String current) {
		String given = ifMatch.strip();
		if (given.equals("*")) {
			return true;
		}
		return strip(given).equals(strip(current));
	}

	private static String strip(String etag) {
		return etag.startsWith("W/") ? etag.substring(2) : etag;
	}

	static String itemNumber(int index) {
		return Integer.toString((index + 1) * 10);
	}

	private void add(CustomerReturn customerReturn) {
		byNumber.put(customerReturn.number(), customerReturn);
		bySalesOrder.add(customerReturn.order().salesOrder(), customerReturn.number());
		SalesOrderReference
			.documents(customerReturn.reference(),
					customerReturn.items().stream().map(CustomerReturnItem::reference).toList())
			.forEach(document -> byReferencedDocument.add(document, customerReturn.number()));
		byPurchaseOrderByCustomer.add(customerReturn.purchaseOrderByCustomer(), customerReturn.number());
	}
}
