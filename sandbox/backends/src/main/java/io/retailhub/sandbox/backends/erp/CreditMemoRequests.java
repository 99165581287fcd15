package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoReturn;

import org.springframework.stereotype.Component;

/**
 * The credit memo requests of the simulated ERP: one per legacy return of the demo data (billed),
 * then whatever the hub creates. Creation checks the reference to the sales order, whole positive
 * quantities up to the ordered quantity and a positive amount per item in the order's currency.
 * The amount per item is taken from the request (see {@link ErpModel#CREDIT_MEMO_REQUEST_ITEM}).
 * Thread-safe.
 */
@Component
class CreditMemoRequests {

	static final String REQUEST_TYPE = "GA2";

	/** The order reason legacy credits were booked with. */
	private static final String LEGACY_REASON = "009";

	private final SalesOrders salesOrders;

	private final Clock clock;

	private final Map<String, CreditMemoRequest> byNumber = new LinkedHashMap<>();

	private final DocumentIndex bySalesOrder = new DocumentIndex();

	private final DocumentIndex byPurchaseOrderByCustomer = new DocumentIndex();

	private long nextNumber = 70000001;

	private final AtomicLong created = new AtomicLong();

	CreditMemoRequests(DemoData data, SalesOrders salesOrders, Clock clock) {
		this.salesOrders = salesOrders;
		this.clock = clock;
		for (DemoOrder order : data.orders()) {
			for (DemoReturn legacy : order.returns()) {
				seed(salesOrders.find(order.salesOrder()).orElseThrow(), legacy);
			}
		}
	}

	synchronized List<CreditMemoRequest> all() {
		return List.copyOf(byNumber.values());
	}

	synchronized Optional<CreditMemoRequest> find(String number) {
		return Optional.ofNullable(byNumber.get(number));
	}

	/** The documents referencing this sales order, oldest first. */
	synchronized List<CreditMemoRequest> ofSalesOrder(String salesOrder) {
		return bySalesOrder.numbers(salesOrder).stream().map(byNumber::get).toList();
	}

	/** The documents carrying this customer reference ({@code PurchaseOrderByCustomer}), oldest first. */
	synchronized List<CreditMemoRequest> withPurchaseOrderByCustomer(String reference) {
		return byPurchaseOrderByCustomer.numbers(reference).stream().map(byNumber::get).toList();
	}

	synchronized CreditMemoRequest create(DeepInsert header) {
		String type = header.required("CreditMemoRequestType");
		if (!type.equals(REQUEST_TYPE)) {
			throw ODataException.invalid("V1/001",
					"Sales document type " + type + " is not defined for credit memo requests", "CreditMemoRequestType");
		}
		SalesOrder order = SalesOrderReference.header(header, salesOrders);
		List<DeepInsert> requested = header.navigation("to_Item");
		if (requested.isEmpty()) {
			throw ODataException.invalid("V1/555", "Enter at least one item", "to_Item");
		}
		List<CreditMemoRequestItem> items = new ArrayList<>();
		for (DeepInsert item : requested) {
			SalesOrderItem reference = SalesOrderReference.item(item, order);
			int quantity = DeepInsert.pieces(item.required("RequestedQuantity"), "RequestedQuantity");
			if (quantity > reference.quantity()) {
				throw ODataException.invalid("V1/386", "Quantity " + quantity + " exceeds the quantity "
						+ reference.quantity() + " of reference item " + reference.item(), "RequestedQuantity");
			}
			items.add(new CreditMemoRequestItem(CustomerReturns.itemNumber(items.size()), reference, quantity,
					amount(item.required("NetAmount"), reference)));
		}
		CreditMemoRequest request = new CreditMemoRequest(Long.toString(nextNumber++), order,
				header.value("PurchaseOrderByCustomer"), header.value("SDDocumentReason"),
				header.value("HeaderBillingBlockReason"), clock.instant().truncatedTo(ChronoUnit.MILLIS), false, items);
		add(request);
		created.incrementAndGet();
		return request;
	}

	/** Credit memo requests the hub created (seeded ones not counted). */
	long created() {
		return created.get();
	}

	private static BigDecimal amount(String text, SalesOrderItem reference) {
		BigDecimal amount;
		try {
			amount = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw ODataException.badPayload("Property 'NetAmount' has an invalid value", "NetAmount");
		}
		int decimals = reference.netAmount().scale();
		if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > decimals) {
			throw ODataException.invalid("V1/387", "Amount " + text + " must be positive with at most " + decimals
					+ " decimals in " + reference.currency(), "NetAmount");
		}
		return amount.setScale(decimals);
	}

	private void seed(SalesOrder order, DemoReturn legacy) {
		List<String> creditedItems = new ArrayList<>(legacy.quantities().keySet());
		creditedItems.sort(Comparator.comparingInt(Integer::parseInt));
		List<CreditMemoRequestItem> items = new ArrayList<>();
		for (String itemNumber : creditedItems) {
			SalesOrderItem reference = order.item(itemNumber).orElseThrow();
			int quantity = legacy.quantities().get(itemNumber);
			items.add(new CreditMemoRequestItem(CustomerReturns.itemNumber(items.size()), reference, quantity,
					SalesOrderReference.share(reference, quantity)));
		}
		CreditMemoRequest request = new CreditMemoRequest(Long.toString(nextNumber++), order, legacy.reference(),
				LEGACY_REASON, "", legacy.returnedAt(), true, items);
		add(request);
	}

	private void add(CreditMemoRequest request) {
		byNumber.put(request.number(), request);
		bySalesOrder.add(request.order().salesOrder(), request.number());
		byPurchaseOrderByCustomer.add(request.purchaseOrderByCustomer(), request.number());
	}
}
