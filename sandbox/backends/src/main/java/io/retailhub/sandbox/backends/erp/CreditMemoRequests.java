package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
import io.retailhub.sandbox.backends.state.NumberRange;
import io.retailhub.sandbox.backends.state.SandboxState;

import org.springframework.stereotype.Component;

/**
 * The credit memo requests of the simulated ERP: one per legacy return of the demo data (billed,
 * against the invoice), then whatever the hub creates. Creation checks the reference (the sales
 * order or one of its invoices, {@link SalesOrderReference}), the header's order reason, and whole
 * positive quantities up to the referenced quantity; a client states no amount ({@code NetAmount}
 * is read-only). Pricing prices each item itself, as S/4HANA does: one price condition
 * ({@link #PRICE_CONDITION}) at what the customer paid for the credited quantity, which a client
 * then changes through the item's pricing element, under the request's ETag. Thread-safe; every
 * change runs as a change of the {@link SandboxState}, which may keep it across restarts.
 */
@Component
class CreditMemoRequests {

	static final String REQUEST_TYPE = "GA2";

	/** The price condition of the sandbox's credit memo pricing procedure. */
	static final String PRICE_CONDITION = "PPR0";

	/** The order reason legacy credits were booked with. */
	private static final String LEGACY_REASON = "009";

	/** The fields of a pricing element the sandbox lets a client change. */
	private static final List<String> PRICE_FIELDS = List.of("ConditionRateValue", "ConditionQuantity",
			"ConditionQuantityUnit", "ConditionQuantitySAPUnit", "ConditionCurrency");

	/** {@code NetAmount} is Decimal(16,3): at most 13 digits before the decimal point. */
	private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(13);

	private final SalesOrders salesOrders;

	private final BillingDocuments invoices;

	private final Clock clock;

	private final SandboxState state;

	private final Map<String, CreditMemoRequest> byNumber = new LinkedHashMap<>();

	private final DocumentIndex byReferencedDocument = new DocumentIndex();

	private final DocumentIndex byPurchaseOrderByCustomer = new DocumentIndex();

	/** The legacy credits' numbers come first; then the range's. */
	private long nextSeeded = 70000001;

	private final NumberRange numbers;

	private final AtomicLong created = new AtomicLong();

	private final AtomicLong pricesChanged = new AtomicLong();

	CreditMemoRequests(DemoData data, SalesOrders salesOrders, BillingDocuments invoices, Clock clock,
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
		this.numbers = state.numbers("erp.credit-memo-requests", nextSeeded);
	}

	synchronized List<CreditMemoRequest> all() {
		return List.copyOf(byNumber.values());
	}

	synchronized Optional<CreditMemoRequest> find(String number) {
		return Optional.ofNullable(byNumber.get(number));
	}

	/** The documents whose header or an item references this document (a sales order or an invoice), oldest first. */
	synchronized List<CreditMemoRequest> referencing(String document) {
		return byReferencedDocument.numbers(document).stream().map(byNumber::get).toList();
	}

	/** The documents carrying this customer reference ({@code PurchaseOrderByCustomer}), oldest first. */
	synchronized List<CreditMemoRequest> withPurchaseOrderByCustomer(String reference) {
		return byPurchaseOrderByCustomer.numbers(reference).stream().map(byNumber::get).toList();
	}

	CreditMemoRequest create(DeepInsert header) {
		return state.change(() -> doCreate(header));
	}

	private synchronized CreditMemoRequest doCreate(DeepInsert header) {
		String type = header.required("CreditMemoRequestType");
		if (!type.equals(REQUEST_TYPE)) {
			throw ODataException.invalid("V1/001",
					"Sales document type " + type + " is not defined for credit memo requests", "CreditMemoRequestType");
		}
		SalesOrderReference.Header reference = SalesOrderReference.header(header, salesOrders, invoices);
		String orderReason = OrderReasons.of(header);
		List<DeepInsert> requested = header.navigation("to_Item");
		if (requested.isEmpty()) {
			throw ODataException.invalid("V1/555", "Enter at least one item", "to_Item");
		}
		List<CreditMemoRequestItem> items = new ArrayList<>();
		for (DeepInsert item : requested) {
			SalesOrderReference.Item referenced = SalesOrderReference.item(item, reference, invoices);
			int quantity = DeepInsert.pieces(item.required("RequestedQuantity"), "RequestedQuantity");
			if (quantity > referenced.quantity()) {
				throw ODataException.invalid("V1/386", "Quantity " + quantity + " exceeds the quantity "
						+ referenced.quantity() + " of reference item " + referenced.item(), "RequestedQuantity");
			}
			items.add(priced(CustomerReturns.itemNumber(items.size()), referenced, quantity));
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		CreditMemoRequest request = new CreditMemoRequest(Long.toString(numbers.next()), reference,
				header.value("PurchaseOrderByCustomer"), orderReason, header.value("HeaderBillingBlockReason"), now, now,
				false, items);
		add(request);
		created.incrementAndGet();
		return request;
	}

	/**
	 * Changes the price condition of one item, as a MERGE/PATCH of
	 * {@code A_CreditMemoReqItemPrcgElmnt} does: its rate, pricing unit (a whole number of pieces)
	 * or currency (the document's). The item's {@code NetAmount} and the request's total follow; the
	 * request's {@code LastChangeDateTime}, and with it its ETag, moves on.
	 * @param ifMatch the client's {@code If-Match}: the request's current ETag or {@code *}
	 * @throws ODataException 404 for an unknown request, item or condition, 412 for a stale ETag,
	 * 400 for a field or value the sandbox does not take or a billed request
	 */
	CreditMemoRequest changePrice(Map<String, String> key, Map<String, String> changed, String ifMatch) {
		return state.change(() -> doChangePrice(key, changed, ifMatch));
	}

	private synchronized CreditMemoRequest doChangePrice(Map<String, String> key, Map<String, String> changed,
			String ifMatch) {
		String number = key.get("CreditMemoRequest");
		String itemNumber = key.get("CreditMemoRequestItem");
		CreditMemoRequest request = byNumber.get(number);
		CreditMemoRequestItem item = request == null ? null
				: request.items().stream().filter(i -> i.item().equals(itemNumber)).findFirst().orElse(null);
		if (item == null || !CreditMemoRequestItem.PRICE_STEP.equals(key.get("PricingProcedureStep"))
				|| !CreditMemoRequestItem.PRICE_COUNTER.equals(key.get("PricingProcedureCounter"))) {
			throw ODataException.documentNotFound(String.join("/", key.values()));
		}
		if (!CustomerReturns.etagMatches(ifMatch, request.etag())) {
			throw ODataException.preconditionFailed();
		}
		if (request.billed()) {
			throw ODataException.invalid("V1/040",
					"Credit memo request " + number + " has been billed; its prices can no longer be changed", null);
		}
		for (String field : changed.keySet()) {
			if (!PRICE_FIELDS.contains(field)) {
				throw ODataException.invalid("MSR_RETURNS/030",
						"Field " + field + " of a pricing element cannot be changed in this system", field);
			}
		}
		CreditMemoRequestItem.Price price = item.price();
		BigDecimal rate = changed.containsKey("ConditionRateValue") ? rate(changed.get("ConditionRateValue"))
				: price.rate();
		int per = changed.containsKey("ConditionQuantity")
				? DeepInsert.pieces(changed.get("ConditionQuantity"), "ConditionQuantity") : price.per();
		if (per > 99999) {
			throw ODataException.badPayload("Property 'ConditionQuantity' has an invalid value", "ConditionQuantity");
		}
		same(changed, "ConditionQuantityUnit", "PC");
		same(changed, "ConditionQuantitySAPUnit", "ST");
		same(changed, "ConditionCurrency", request.order().currency());
		CreditMemoRequestItem.Price newPrice = new CreditMemoRequestItem.Price(price.conditionType(), rate, per, true);
		if (newPrice.value(item.quantity(), item.orderItem().netAmount().scale()).compareTo(AMOUNT_LIMIT) >= 0) {
			throw ODataException.invalid("V1/387", "The net value of item " + itemNumber + " exceeds what the"
					+ " document can hold", "ConditionRateValue");
		}
		CreditMemoRequest changedRequest = request.changed(request.items()
			.stream()
			.map(i -> i.item().equals(itemNumber) ? i.repriced(newPrice) : i)
			.toList(), nextChange(request));
		byNumber.put(number, changedRequest);
		pricesChanged.incrementAndGet();
		return changedRequest;
	}

	/**
	 * Puts saved requests in place: a seeded one as it was changed, a created one added, and their
	 * numbers never handed out again.
	 */
	synchronized void restore(List<CreditMemoRequest> saved) {
		for (CreditMemoRequest request : saved) {
			if (byNumber.containsKey(request.number())) {
				byNumber.put(request.number(), request);
			}
			else {
				add(request);
			}
			numbers.skipTo(Long.parseLong(request.number()) + 1);
		}
	}

	/** Credit memo requests the hub created (seeded ones not counted). */
	long created() {
		return created.get();
	}

	/** Successful changes of an item's price condition. */
	long pricesChanged() {
		return pricesChanged.get();
	}

	/**
	 * An item as pricing determines it: the price condition at what the customer paid for the
	 * credited quantity of the sales order item.
	 */
	private static CreditMemoRequestItem priced(String itemNumber, SalesOrderReference.Item referenced,
			int quantity) {
		BigDecimal paid = SalesOrderReference.share(referenced.orderItem(), quantity);
		return new CreditMemoRequestItem(itemNumber, referenced, quantity,
				new CreditMemoRequestItem.Price(PRICE_CONDITION, paid, quantity, false));
	}

	/** A condition rate: a positive Decimal(24,9). */
	private static BigDecimal rate(String text) {
		try {
			BigDecimal rate = new BigDecimal(text);
			if (rate.signum() > 0 && rate.scale() <= 9 && rate.precision() - rate.scale() <= 15) {
				return rate;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw ODataException.invalid("V1/387", "Condition rate " + text + " must be a positive amount",
				"ConditionRateValue");
	}

	private static void same(Map<String, String> changed, String field, String expected) {
		String value = changed.get(field);
		if (value != null && !value.isEmpty() && !value.equals(expected)) {
			throw ODataException.invalid("V1/207", field + " " + value + " differs from " + expected, field);
		}
	}

	/** Now, but always after the last change, so that every change gets a new ETag. */
	private Instant nextChange(CreditMemoRequest request) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant earliest = request.lastChangedAt().plusMillis(1);
		return now.isBefore(earliest) ? earliest : now;
	}

	/** A legacy credit, booked against the invoice of the returned items at what the customer paid. */
	private void seed(DemoOrder demo, DemoReturn legacy) {
		SalesOrder order = salesOrders.find(demo.salesOrder()).orElseThrow();
		List<String> creditedItems = new ArrayList<>(legacy.quantities().keySet());
		creditedItems.sort(Comparator.comparingInt(Integer::parseInt));
		List<CreditMemoRequestItem> items = new ArrayList<>();
		SalesOrderReference.Header reference = null;
		for (String itemNumber : creditedItems) {
			SalesOrderReference.Item referenced = LegacyReferences.item(demo, order, itemNumber, invoices);
			if (reference == null) {
				reference = LegacyReferences.header(referenced, order, invoices);
			}
			items.add(priced(CustomerReturns.itemNumber(items.size()), referenced, legacy.quantities().get(itemNumber)));
		}
		CreditMemoRequest request = new CreditMemoRequest(Long.toString(nextSeeded++), reference, legacy.reference(),
				LEGACY_REASON, "", legacy.returnedAt(), legacy.returnedAt(), true, items);
		add(request);
	}

	private void add(CreditMemoRequest request) {
		byNumber.put(request.number(), request);
		SalesOrderReference
			.documents(request.reference(), request.items().stream().map(CreditMemoRequestItem::reference).toList())
			.forEach(document -> byReferencedDocument.add(document, request.number()));
		byPurchaseOrderByCustomer.add(request.purchaseOrderByCustomer(), request.number());
	}
}
