package io.retailhub.system.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderChange;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationCancelReason;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.commands.CreateCreditMemo;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.CreditMemoLineRequest;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.erp.BilledItems.BilledItem;
import io.retailhub.system.erp.SapDocuments.AvailabilityRecord;
import io.retailhub.system.erp.SapDocuments.CreditMemoRequest;
import io.retailhub.system.erp.SapDocuments.CustomerReturn;
import io.retailhub.system.erp.SapDocuments.CustomerReturnItem;
import io.retailhub.system.erp.SapDocuments.CustomerReturnItemRejection;
import io.retailhub.system.erp.SapDocuments.NewCreditMemoRequest;
import io.retailhub.system.erp.SapDocuments.NewCreditMemoRequestItem;
import io.retailhub.system.erp.SapDocuments.NewCustomerReturn;
import io.retailhub.system.erp.SapDocuments.NewCustomerReturnItem;
import io.retailhub.system.erp.SapDocuments.ReferencingDocument;
import io.retailhub.system.erp.SapDocuments.ReferencingItem;
import io.retailhub.system.erp.SapDocuments.SalesOrder;
import io.retailhub.system.erp.SapDocuments.SalesOrderItem;
import io.retailhub.system.erp.SapMapping.OrderLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The hub's way into ERP, SAP S/4HANA Cloud through its A2X OData V2 APIs: sales orders
 * ({@code API_SALES_ORDER_SRV}), customer returns ({@code API_CUSTOMER_RETURN_SRV}), credit memo
 * requests ({@code API_CREDIT_MEMO_REQUEST_SRV}) and availability
 * ({@code API_PRODUCT_AVAILY_INFO_BASIC}), mapped to the canonical contracts (see
 * {@link SapMapping} for the mapping decisions).
 *
 * <p>Every call runs under ERP's resilience policies ({@link BackendCalls}). OData V2 has no
 * idempotency key, so creates check before they write: the hub's {@code externalReference} goes
 * into {@code PurchaseOrderByCustomer}, and a document already carrying it is answered instead of
 * creating a second one. That check makes the creates safe to retry, so they run as idempotent
 * writes. Writes carry SAP's CSRF token and session cookie ({@link CsrfSession}).
 *
 * <p>The pair (hub order number, sales order number) of every sales order read is remembered
 * ({@link OrderNumbers}): it never changes, so operations that only translate one into the other
 * (the returns of an order, the order a document references) skip that read when the pair is known.
 *
 * <p>The documents the hub creates reference the sales order or, per tenant, the invoice that
 * billed each item ({@code retailhub.backends.erp.return-reference}); documents referencing
 * either are read back with their order lines ({@link BilledItems}). A credit memo request is
 * created without amounts, which ERP prices itself, and then credits each line's amount
 * ({@link CreditAmounts}).
 *
 * <p>ERP's business refusals (400 with an OData error) surface as
 * {@link BackendRejectedException} with SAP's {@code <message class>/<number>} code; unknown
 * documents as empty answers or {@link ResourceNotFoundException}.
 */
@Component
public class SapErpAdapter {

	private static final Logger log = LoggerFactory.getLogger(SapErpAdapter.class);

	private static final String ITEMS = "to_Item";

	private static final String ITEMS_WITH_PRICES = "to_Item,to_Item/to_PricingElement";

	private static final String PURCHASE_ORDER_BY_CUSTOMER = "PurchaseOrderByCustomer";

	private static final String LAST_CHANGE = "LastChangeDateTime";

	private static final String REFERENCE = "ReferenceSDDocument";

	/** {@code ReferenceSDDocumentCategory} of an invoice; a document referencing anything else is read as referencing a sales order. */
	private static final String INVOICE = "M";

	/**
	 * The error ERP answers for a material not maintained in a plant (message M3/305, "material
	 * not maintained in plant"): no availability there, not a failure.
	 */
	static final String MATERIAL_NOT_IN_PLANT = "M3/305";

	/** Newest-first lists are bounded; the hub never pages further back than this in one call. */
	static final int MAX_ORDERS = 500;

	private final ErpClient client;

	private final CsrfSession csrf;

	private final BackendCalls calls;

	private final ErpSettings settings;

	private final Clock clock;

	private final ReferenceLocks locks = new ReferenceLocks();

	private final OrderNumbers orderNumbers;

	private final BilledItems billedItems;

	private final ReturnReasonCodes reasons;

	private final CreditAmounts creditAmounts;

	private final DocumentKind<CustomerReturn, ReturnAuthorization> customerReturns;

	private final DocumentKind<CreditMemoRequest, CreditMemo> creditMemoRequests;

	SapErpAdapter(ErpSettings settings, BackendRestClients clients, BackendCalls calls, Clock clock) {
		this.settings = settings;
		this.calls = calls;
		this.clock = clock;
		this.orderNumbers = new OrderNumbers(settings.orderNumberCacheSize());
		this.client = clients.createClient(
				clients.forBackend(Backends.ERP, settings.baseUrl(), settings.connectTimeout(), settings.readTimeout())
					.defaultHeaders(headers -> headers.setBasicAuth(settings.username(), settings.password()))
					.defaultStatusHandler(new ErpErrors()),
				ErpClient.class);
		this.csrf = new CsrfSession(client);
		this.billedItems = new BilledItems(client, settings.orderNumberCacheSize());
		this.reasons = new ReturnReasonCodes(settings.returnReasonCodes(), settings.returnOrderReasons());
		this.creditAmounts = new CreditAmounts(client, csrf, settings.creditAmountConditionType());
		this.customerReturns = new DocumentKind<>("return authorization", "customer return", "return:",
				client::customerReturns, client::customerReturn, CustomerReturn::customerReturn,
				(document, orderId, lines) -> SapMapping.returnAuthorization(document, orderId, lines, reasons));
		this.creditMemoRequests = new DocumentKind<>("credit memo", "credit memo request", "credit:",
				client::creditMemoRequests, client::creditMemoRequest, CreditMemoRequest::creditMemoRequest,
				SapMapping::creditMemo);
	}

	/** The order whose customer-facing number is {@code id} (ERP's {@code PurchaseOrderByCustomer}), with its lines. */
	public Optional<Order> findOrder(OrderId id) {
		return calls.read(Backends.ERP, () -> salesOrder(id, ITEMS_WITH_PRICES))
			.map(order -> SapMapping.readable(() -> SapMapping.order(order, settings.priceConditionType())));
	}

	/** The customer's orders with their lines, newest first, at most {@code limit} (1 to 500). */
	public List<Order> findOrdersOfCustomer(CustomerId id, int limit) {
		if (limit < 1 || limit > MAX_ORDERS) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_ORDERS);
		}
		List<SalesOrder> orders = calls.read(Backends.ERP,
				() -> client
					.salesOrders(SapFormats.eq("SoldToParty", id.value()), ITEMS_WITH_PRICES,
							"SalesOrderDate desc,LastChangeDateTime desc", limit)
					.results());
		orders.forEach(this::remember);
		return orders.stream()
			.map(order -> SapMapping.readable(() -> SapMapping.order(order, settings.priceConditionType())))
			.toList();
	}

	/**
	 * Orders whose {@code LastChangeDateTime} is at or after {@code since}, with their lines, in
	 * (last change, order number) order, at most {@code limit} (1 to 500). With {@code after}, the
	 * read continues behind that order: orders changed exactly at {@code since} come only if their
	 * number sorts after it, so a caller can walk any number of orders changed in the same instant
	 * page by page (keyset paging, never an offset that shifts while orders change).
	 *
	 * <p>A document the hub cannot read (no customer-facing order number, a sales channel the hub
	 * does not know) is logged and left out, so one odd order does not stop every reader of the
	 * feed.
	 */
	public List<OrderChange> findOrdersChangedSince(Instant since, OrderId after, int limit) {
		if (since == null) {
			throw new IllegalArgumentException("since is required");
		}
		if (limit < 1 || limit > MAX_ORDERS) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_ORDERS);
		}
		String at = SapFormats.dateTimeOffset(since);
		String filter = after == null ? LAST_CHANGE + " ge " + at
				: LAST_CHANGE + " gt " + at + " or (" + LAST_CHANGE + " eq " + at + " and "
						+ PURCHASE_ORDER_BY_CUSTOMER + " gt " + SapFormats.literal(after.value()) + ")";
		List<SalesOrder> orders = calls.read(Backends.ERP, () -> client
			.salesOrders(filter, ITEMS_WITH_PRICES, LAST_CHANGE + "," + PURCHASE_ORDER_BY_CUSTOMER, limit)
			.results());
		orders.forEach(this::remember);
		List<OrderChange> changes = new ArrayList<>(orders.size());
		for (SalesOrder order : orders) {
			try {
				Instant lastChangedAt = SapFormats.dateTime(order.lastChangeDateTime());
				if (lastChangedAt == null) {
					throw new IllegalStateException("ERP sent no LastChangeDateTime");
				}
				changes.add(new OrderChange(lastChangedAt,
						SapMapping.readable(() -> SapMapping.order(order, settings.priceConditionType()))));
			}
			catch (IllegalStateException ex) {
				log.warn("left sales order {} out of the changed orders: {}", order.salesOrder(), ex.getMessage());
			}
		}
		return changes;
	}

	/**
	 * Units available to promise now, summed over the configured plants
	 * ({@code retailhub.backends.erp.plants}). A plant where the material is not maintained adds
	 * nothing; a material maintained in none of them is unknown ({@link ResourceNotFoundException}),
	 * so a mistyped SKU does not read as "sold out".
	 */
	public int availableToPromise(Sku sku) {
		return calls.read(Backends.ERP, () -> {
			Instant now = clock.instant();
			int total = 0;
			boolean maintained = false;
			for (String plant : settings.plants()) {
				try {
					total += available(client
						.availabilityTimeseries(SapFormats.literal(settings.atpCheckingRule()),
								SapFormats.literal(sku.value()), SapFormats.literal(plant))
						.results(), now);
					maintained = true;
				}
				catch (BackendRejectedException ex) {
					if (!MATERIAL_NOT_IN_PLANT.equals(ex.code())) {
						throw ex;
					}
				}
			}
			if (!maintained) {
				throw new ResourceNotFoundException("product", sku.value());
			}
			return total;
		});
	}

	/**
	 * Creates a customer return for the order, or answers the one ERP already has under the same
	 * {@code externalReference} (no second document). An unknown order is a
	 * {@link ResourceNotFoundException}; a reference already used for another order's return is a
	 * conflict (409); ERP refusing the return (quantity above what is still returnable, unknown
	 * line, ...) is a {@link BackendRejectedException}.
	 */
	public ReturnAuthorization createReturnAuthorization(CreateReturnAuthorization command) {
		return createOrFindReturnAuthorization(command).value();
	}

	/**
	 * As {@link #createReturnAuthorization}, telling also whether this call created the customer
	 * return or found the one already carrying the reference (decided under the reference's lock).
	 */
	public CreateOutcome<ReturnAuthorization> createOrFindReturnAuthorization(CreateReturnAuthorization command) {
		return createOnce(customerReturns, command.orderId(), command.externalReference(), order -> {
			NewCustomerReturn body = newCustomerReturn(command, order);
			return csrf
				.write(ErpClient.CUSTOMER_RETURN_SRV, token -> client.createCustomerReturn(token.value(), token.cookies(), body))
				.d();
		}, (document, lines) -> document);
	}

	/**
	 * Cancels a customer return the SAP way: every item not yet rejected gets the reason for
	 * rejection ({@code SalesDocumentRjcnReason}) by MERGE, each under the return's ETag as it is
	 * then ({@link Etags}: items have no concurrency token, and each change moves the return's).
	 * Answers the return as ERP shows it afterwards ({@code REJECTED}). Repeatable: a return whose items are
	 * all rejected already is answered without a write. When someone changes the return between
	 * the read and a write (412), it is read again and the rest tried once more.
	 * @throws ResourceNotFoundException for a customer return ERP does not know
	 * @throws BackendRejectedException 409 once the warehouse posted a goods receipt for any item
	 */
	public ReturnAuthorization cancelReturnAuthorization(ReturnAuthorizationId id,
			ReturnAuthorizationCancelReason reason) {
		String rejection = RejectionReasonCodes.code(reason);
		return calls.idempotentWrite(Backends.ERP, () -> locks.withLock("cancel:" + id.value(), () -> {
			boolean readAgain = true;
			while (true) {
				ResponseEntity<OData.Entry<CustomerReturn>> read;
				try {
					read = client.customerReturnForChange(SapFormats.key(id.value()), ITEMS);
				}
				catch (ErpErrors.ErpNotFound ex) {
					throw new ResourceNotFoundException("return authorization", id.value());
				}
				CustomerReturn current = read.getBody().d();
				List<CustomerReturnItem> items = OData.Navigation.of(current.items());
				if (items.stream().anyMatch(CustomerReturnItem::received)) {
					throw new BackendRejectedException(Backends.ERP, 409, null, "Return authorization " + id
							+ " has been received by the warehouse and can no longer be canceled");
				}
				List<CustomerReturnItem> open = items.stream().filter(i -> !i.rejected()).toList();
				if (open.isEmpty()) {
					return readBack(customerReturns, current);
				}
				try {
					reject(id, open, read.getHeaders().getETag(), rejection);
				}
				catch (BackendRejectedException ex) {
					// changed since it was read (412), or refused because it was received meanwhile: read again, once
					if (!readAgain || ex.status() == 409) {
						throw ex.status() == 412 ? new BackendUnavailableException(Backends.ERP,
								"customer return " + id + " kept changing while it was canceled") : ex;
					}
					readAgain = false;
				}
			}
		}));
	}

	/** Rejects the items: the first under the ETag just read, each further one under the return's ETag read again. */
	private void reject(ReturnAuthorizationId id, List<CustomerReturnItem> items, String etag, String rejection) {
		String read = Etags.required(etag, "customer return " + id);
		for (CustomerReturnItem item : items) {
			String ifMatch = item == items.get(0) ? read
					: Etags.current(client, ErpClient.CUSTOMER_RETURN_SRV, "A_CustomerReturn", "CustomerReturn",
							id.value());
			csrf.write(ErpClient.CUSTOMER_RETURN_SRV,
					token -> client.mergeCustomerReturnItem(SapFormats.key(id.value()),
							SapFormats.key(item.customerReturnItem()), "MERGE", ifMatch, token.value(), token.cookies(),
							new CustomerReturnItemRejection(rejection)));
			log.info("rejected item {} of customer return {} with reason {}", item.customerReturnItem(), id, rejection);
		}
	}

	/** The customer return with this document number. */
	public Optional<ReturnAuthorization> findReturnAuthorization(ReturnAuthorizationId id) {
		return find(customerReturns, id.value());
	}

	/** The customer return the hub created under this external reference. */
	public Optional<ReturnAuthorization> findReturnAuthorizationByReference(String externalReference) {
		return findByReference(customerReturns, externalReference);
	}

	/**
	 * Every customer return of the order, the ones created before the hub existed included, so
	 * callers can add up what was already returned per order line: those referencing the sales
	 * order and those referencing one of its invoices (as returns entered in ERP usually do),
	 * whatever the hub's own returns reference. Reads the order's invoice items, then the returns
	 * referencing any of these documents. An unknown order is a {@link ResourceNotFoundException}.
	 */
	public List<ReturnAuthorization> findReturnAuthorizationsOfOrder(OrderId orderId) {
		return ofOrder(customerReturns, orderId);
	}

	/**
	 * The documents of this kind of the order: those referencing the sales order and those
	 * referencing one of its invoices. Reads the order's invoice items, then the documents
	 * referencing any of these.
	 */
	private <D extends ReferencingDocument, C> List<C> ofOrder(DocumentKind<D, C> kind, OrderId orderId) {
		return calls.read(Backends.ERP, () -> {
			String salesOrder = salesOrderNumber(orderId);
			List<BilledItem> billed = billedItems.ofSalesOrder(salesOrder);
			String filter = Stream.concat(Stream.of(salesOrder), billed.stream().map(BilledItem::billingDocument))
				.distinct()
				.map(document -> SapFormats.eq(REFERENCE, document))
				.collect(Collectors.joining(" or "));
			Map<String, BilledItem> known = new HashMap<>();
			billed.forEach(i -> known.put(i.billingDocument() + "/" + i.billingItem(), i));
			List<C> documents = new ArrayList<>();
			for (D found : kind.list().apply(filter, ITEMS).results()) {
				Referenced referenced = referenced(found, (document, item) -> Optional
					.ofNullable(known.get(document + "/" + item))
					.or(() -> billedItems.item(document, item)));
				// an invoice may bill several orders: its documents for other orders' items are theirs
				if (salesOrder.equals(referenced.salesOrder())) {
					documents.add(SapMapping.readable(() -> kind.contract().map(found, orderId, referenced.lines())));
				}
			}
			return documents;
		});
	}

	/**
	 * Creates a credit memo request for the order, or answers the one ERP already has under the
	 * same {@code externalReference}, crediting each line's amount either way ({@link CreditAmounts}:
	 * ERP prices a new request itself, and the amounts are then written to the items' price
	 * condition, so a retry after a crash between the two ends with the right amounts, once). Line
	 * amounts must share one currency (else {@link IllegalArgumentException}), which ERP checks
	 * against the order's. A given {@code returnAuthorizationId} must name a return of the same
	 * order; the credit memo request itself references the sales order or the invoices
	 * ({@code return-reference}), items by the order line they credit, since that is what its
	 * amounts are credited against.
	 */
	public CreditMemo createCreditMemo(CreateCreditMemo command) {
		return createOrFindCreditMemo(command).value();
	}

	/**
	 * As {@link #createCreditMemo}, telling also whether this call created the credit memo request
	 * or found the one already carrying the reference (decided under the reference's lock).
	 */
	public CreateOutcome<CreditMemo> createOrFindCreditMemo(CreateCreditMemo command) {
		Currency currency = currencyOf(command.lines());
		if (command.returnAuthorizationId() != null) {
			ReturnAuthorization returned = findReturnAuthorization(command.returnAuthorizationId())
				.orElseThrow(() -> new ResourceNotFoundException("return authorization",
						command.returnAuthorizationId().value()));
			if (!command.orderId().equals(returned.orderId())) {
				throw new IllegalArgumentException("return authorization " + returned.id() + " belongs to order "
						+ returned.orderId() + ", not to " + command.orderId());
			}
		}
		return createOnce(creditMemoRequests, command.orderId(), command.externalReference(), order -> {
			NewCreditMemoRequest body = newCreditMemoRequest(command, order, currency);
			return csrf
				.write(ErpClient.CREDIT_MEMO_REQUEST_SRV,
						token -> client.createCreditMemoRequest(token.value(), token.cookies(), body))
				.d();
		}, (document, lines) -> creditAmounts.credit(document, command.lines(), lines));
	}

	/** The credit memo request with this document number. */
	public Optional<CreditMemo> findCreditMemo(CreditMemoId id) {
		return find(creditMemoRequests, id.value());
	}

	/**
	 * Every credit memo request of the order, the ones created before the hub existed included, so
	 * callers can tell what was already credited on it: those referencing the sales order and
	 * those referencing one of its invoices, whatever the hub's own reference. An unknown order is
	 * a {@link ResourceNotFoundException}.
	 */
	public List<CreditMemo> findCreditMemosOfOrder(OrderId orderId) {
		return ofOrder(creditMemoRequests, orderId);
	}

	/** The credit memo request the hub created under this external reference. */
	public Optional<CreditMemo> findCreditMemoByReference(String externalReference) {
		return findByReference(creditMemoRequests, externalReference);
	}

	/**
	 * Check before create, under the reference's lock: the order must exist; a document of this
	 * kind already carrying the reference is answered (a conflict if it belongs to another order);
	 * only otherwise is the order read with its items and {@code create} writes one. Either way
	 * {@code finish} then brings the document to what was asked (given the order line of each of
	 * its items) and must itself be repeatable. Safe to retry as an idempotent write. The outcome
	 * counts as created when the first look of this call found no document: a retry that finds the
	 * one an unanswered attempt wrote still reports it created.
	 */
	private <D extends ReferencingDocument, C> CreateOutcome<C> createOnce(DocumentKind<D, C> kind, OrderId orderId,
			String reference, Function<SalesOrder, D> create, BiFunction<D, OrderLines, D> finish) {
		AtomicReference<Boolean> absentAtFirstLook = new AtomicReference<>();
		return calls.idempotentWrite(Backends.ERP, () -> locks.withLock(kind.lockPrefix() + reference, () -> {
			Optional<D> existing = byReference(kind, reference);
			absentAtFirstLook.compareAndSet(null, existing.isEmpty());
			D document;
			Referenced referenced;
			if (existing.isPresent()) {
				document = existing.get();
				referenced = referenced(document);
				requireSameOrder(referenced.salesOrder(), salesOrderNumber(orderId), kind.contractName(),
						kind.number().apply(document), reference);
			}
			else {
				SalesOrder order = salesOrder(orderId, ITEMS)
					.orElseThrow(() -> new ResourceNotFoundException("order", orderId.value()));
				document = create.apply(order);
				referenced = referenced(document);
				log.info("created {} {} for order {} (reference {})", kind.documentName(), kind.number().apply(document),
						orderId, reference);
			}
			// finishing changes what the items credit, never what they reference
			D finished = finish.apply(document, referenced.lines());
			return new CreateOutcome<>(
					SapMapping.readable(() -> kind.contract().map(finished, orderId, referenced.lines())),
					absentAtFirstLook.get());
		}));
	}

	/** The document with this number, with the order it references; empty when ERP does not know it. */
	private <D extends ReferencingDocument, C> Optional<C> find(DocumentKind<D, C> kind, String number) {
		return calls.read(Backends.ERP, () -> {
			D document;
			try {
				document = kind.read().apply(SapFormats.key(number), ITEMS).d();
			}
			catch (ErpErrors.ErpNotFound ex) {
				return Optional.empty();
			}
			return Optional.of(readBack(kind, document));
		});
	}

	/** The document the hub created under this external reference, with the order it references. */
	private <D extends ReferencingDocument, C> Optional<C> findByReference(DocumentKind<D, C> kind, String reference) {
		return calls.read(Backends.ERP, () -> byReference(kind, reference).map(found -> readBack(kind, found)));
	}

	private <D extends ReferencingDocument> Optional<D> byReference(DocumentKind<D, ?> kind, String reference) {
		return kind.list()
			.apply(SapFormats.eq(PURCHASE_ORDER_BY_CUSTOMER, reference), ITEMS)
			.results()
			.stream()
			.findFirst();
	}

	private <D extends ReferencingDocument, C> C readBack(DocumentKind<D, C> kind, D document) {
		Referenced referenced = referenced(document);
		OrderId orderId = orderOf(referenced.salesOrder());
		return SapMapping.readable(() -> kind.contract().map(document, orderId, referenced.lines()));
	}

	/** The sales order a document references and the order line of each of its items. */
	private record Referenced(String salesOrder, OrderLines lines) {
	}

	private Referenced referenced(ReferencingDocument document) {
		return referenced(document, billedItems::item);
	}

	/**
	 * What a document references, with {@code billed} telling what an invoice item bills. A document
	 * referencing an invoice belongs to the order its items' invoice items bill; an invoice item ERP
	 * does not know is ERP's inconsistency ({@link IllegalStateException}).
	 */
	private static Referenced referenced(ReferencingDocument document,
			BiFunction<String, String, Optional<BilledItem>> billed) {
		String header = document.referenceSDDocument();
		if (!INVOICE.equals(document.referenceSDDocumentCategory())) {
			return new Referenced(header, OrderLines.SALES_ORDER);
		}
		Function<ReferencingItem, BilledItem> bills = item -> {
			String invoice = item.referenceSDDocument() == null || item.referenceSDDocument().isBlank() ? header
					: item.referenceSDDocument();
			return billed.apply(invoice, item.referenceSDDocumentItem())
				.orElseThrow(() -> new IllegalStateException("ERP knows no item " + item.referenceSDDocumentItem()
						+ " of invoice " + invoice));
		};
		String salesOrder = document.referencingItems()
			.stream()
			.findFirst()
			.map(item -> bills.apply(item).salesOrder())
			.orElse(null);
		return new Referenced(salesOrder, item -> bills.apply(item).salesOrderItem());
	}

	private Optional<SalesOrder> salesOrder(OrderId id, String expand) {
		Optional<SalesOrder> order = client
			.salesOrders(SapFormats.eq(PURCHASE_ORDER_BY_CUSTOMER, id.value()), expand, null, null)
			.results()
			.stream()
			.findFirst();
		order.ifPresent(this::remember);
		return order;
	}

	/**
	 * The number of the sales order carrying this hub order number: remembered, or read.
	 * @throws ResourceNotFoundException when ERP has no such order
	 */
	private String salesOrderNumber(OrderId id) {
		return orderNumbers.salesOrderOf(id.value())
			.or(() -> salesOrder(id, null).map(SalesOrder::salesOrder))
			.orElseThrow(() -> new ResourceNotFoundException("order", id.value()));
	}

	/** The hub's order number of a referenced sales order; null when the document references none. */
	private OrderId orderOf(String salesOrder) {
		if (salesOrder == null || salesOrder.isBlank()) {
			return null;
		}
		Optional<String> known = orderNumbers.orderIdOf(salesOrder);
		if (known.isPresent()) {
			return OrderId.of(known.get());
		}
		try {
			SalesOrder read = client.salesOrder(SapFormats.key(salesOrder), "SalesOrder," + PURCHASE_ORDER_BY_CUSTOMER)
				.d();
			remember(read);
			String number = read.purchaseOrderByCustomer();
			return number == null || number.isBlank() ? null : OrderId.of(number);
		}
		catch (ErpErrors.ErpNotFound ex) {
			return null;
		}
	}

	private void remember(SalesOrder order) {
		orderNumbers.remember(order.purchaseOrderByCustomer(), order.salesOrder());
	}

	/** An external reference names one document: using it again for another order is a conflict. */
	private static void requireSameOrder(String referencedSalesOrder, String orderSalesOrder, String what,
			String document, String reference) {
		if (!Objects.equals(referencedSalesOrder, orderSalesOrder)) {
			throw new BackendRejectedException(Backends.ERP, 409, null, "External reference '" + reference
					+ "' already names " + what + " " + document + " of another order");
		}
	}

	private NewCustomerReturn newCustomerReturn(CreateReturnAuthorization command, SalesOrder order) {
		List<ItemReference> references = itemReferences(order,
				command.lines().stream().map(ReturnLineRequest::lineNumber).toList());
		List<NewCustomerReturnItem> items = new ArrayList<>();
		for (int i = 0; i < command.lines().size(); i++) {
			ReturnLineRequest line = command.lines().get(i);
			ItemReference referenced = references.get(i);
			items.add(new NewCustomerReturnItem(material(order, line.lineNumber()), Integer.toString(line.quantity()),
					"PC", reasons.code(line.reason()), referenced.document(), referenced.item()));
		}
		return new NewCustomerReturn(settings.customerReturnType(), order.salesOrganization(),
				order.distributionChannel(), order.organizationDivision(), order.soldToParty(),
				command.externalReference(),
				reasons.orderReason(command.lines().stream().map(ReturnLineRequest::reason).toList()),
				references.get(0).document(), new OData.Navigation<>(items));
	}

	private NewCreditMemoRequest newCreditMemoRequest(CreateCreditMemo command, SalesOrder order, Currency currency) {
		List<ItemReference> references = itemReferences(order,
				command.lines().stream().map(CreditMemoLineRequest::lineNumber).toList());
		List<NewCreditMemoRequestItem> items = new ArrayList<>();
		for (int i = 0; i < command.lines().size(); i++) {
			CreditMemoLineRequest line = command.lines().get(i);
			items.add(new NewCreditMemoRequestItem(material(order, line.lineNumber()),
					Integer.toString(line.quantity()), "PC", references.get(i).document(), references.get(i).item()));
		}
		return new NewCreditMemoRequest(settings.creditMemoRequestType(), order.salesOrganization(),
				order.distributionChannel(), order.organizationDivision(), order.soldToParty(),
				command.externalReference(), settings.creditMemoReason(), currency.getCurrencyCode(),
				references.get(0).document(), new OData.Navigation<>(items));
	}

	/** An item of the document a new document's item references. */
	private record ItemReference(String document, String item) {
	}

	/**
	 * What the items for these order lines reference ({@code return-reference}): the sales order's
	 * items, or the invoice items billing them (the oldest invoice of a line billed more than once).
	 * @throws BackendRejectedException for a line no invoice bills, by invoice
	 */
	private List<ItemReference> itemReferences(SalesOrder order, List<String> orderLines) {
		if (settings.returnReference() == ErpSettings.ReturnReference.SALES_ORDER) {
			return orderLines.stream().map(line -> new ItemReference(order.salesOrder(), line)).toList();
		}
		List<BilledItem> billed = billedItems.ofSalesOrder(order.salesOrder());
		return orderLines.stream()
			.map(line -> billed.stream()
				.filter(item -> line.equals(item.salesOrderItem()))
				.findFirst()
				.map(item -> new ItemReference(item.billingDocument(), item.billingItem()))
				.orElseThrow(() -> new BackendRejectedException(Backends.ERP, 400, null, "Line " + line + " of order "
						+ order.purchaseOrderByCustomer() + " has not been invoiced; ERP takes returns and credits"
						+ " with reference to the invoice")))
			.toList();
	}

	/** The material of an order line; null for a line the order does not have, which ERP then refuses. */
	private static String material(SalesOrder order, String lineNumber) {
		return OData.Navigation.of(order.items())
			.stream()
			.filter(item -> lineNumber.equals(item.salesOrderItem()))
			.map(SalesOrderItem::material)
			.findFirst()
			.orElse(null);
	}

	private static Currency currencyOf(List<CreditMemoLineRequest> lines) {
		List<Currency> currencies = lines.stream().map(l -> l.amount().currency()).distinct().toList();
		if (currencies.size() != 1) {
			throw new IllegalArgumentException("all credit memo lines must be in one currency");
		}
		return currencies.get(0);
	}

	/** The quantity of the period that contains now; whole units, rounded down. */
	private static int available(List<AvailabilityRecord> records, Instant now) {
		return records.stream()
			.filter(r -> {
				Instant start = SapFormats.dateTime(r.periodStart());
				Instant end = SapFormats.dateTime(r.periodEnd());
				return (start == null || !start.isAfter(now)) && (end == null || now.isBefore(end));
			})
			.findFirst()
			.map(r -> SapFormats.decimal(r.availableQuantity()).setScale(0, RoundingMode.FLOOR).max(BigDecimal.ZERO))
			.map(BigDecimal::intValueExact)
			.orElse(0);
	}

	/** Maps a document to its contract, given the hub's order number and its items' order lines. */
	@FunctionalInterface
	private interface DocumentMapping<D, C> {

		C map(D document, OrderId orderId, OrderLines lines);
	}

	/**
	 * A kind of sales document the hub creates once per external reference and reads back.
	 * @param contractName the contract's name in a conflict message ("credit memo")
	 * @param documentName ERP's name for the document, for the log ("credit memo request")
	 * @param lockPrefix keeps references of different kinds apart in {@link ReferenceLocks}
	 * @param list the documents matching an OData filter, with an expansion
	 * @param read one document by its key, with an expansion
	 * @param number the document's number
	 * @param contract the mapping to the canonical contract
	 */
	private record DocumentKind<D extends ReferencingDocument, C>(String contractName, String documentName,
			String lockPrefix, BiFunction<String, String, OData.Feed<D>> list,
			BiFunction<String, String, OData.Entry<D>> read, Function<D, String> number, DocumentMapping<D, C> contract) {
	}
}
