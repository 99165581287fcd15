package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.retailhub.sandbox.backends.state.PersistentState;

import org.springframework.stereotype.Component;

/**
 * The simulated ERP's part of the sandbox's snapshot: the sales orders placed through the admin
 * API, and every customer return and credit memo request (seeded ones too, as changes may have
 * reached them), each referencing its sales order or invoice by number. Invoices and seeded sales
 * orders never change and are seeded again; CSRF sessions are not kept (clients fetch a new
 * token, as after a Gateway restart).
 */
@Component
class ErpState implements PersistentState<ErpState.Saved> {

	private final SalesOrders salesOrders;

	private final BillingDocuments invoices;

	private final SalesOrderPlacement placement;

	private final CustomerReturns returns;

	private final CreditMemoRequests creditMemoRequests;

	ErpState(SalesOrders salesOrders, BillingDocuments invoices, SalesOrderPlacement placement,
			CustomerReturns returns, CreditMemoRequests creditMemoRequests) {
		this.salesOrders = salesOrders;
		this.invoices = invoices;
		this.placement = placement;
		this.returns = returns;
		this.creditMemoRequests = creditMemoRequests;
	}

	record Saved(List<SalesOrder> placedSalesOrders, List<SavedReturn> customerReturns,
			List<SavedCreditMemoRequest> creditMemoRequests) {
	}

	/** A document or item referenced: its number, category (C sales order, M invoice) and item (none for a header). */
	record SavedReference(String document, String category, String item) {

		static SavedReference of(SalesOrderReference.Header header) {
			return new SavedReference(header.document(), header.category(), null);
		}

		static SavedReference of(SalesOrderReference.Item item) {
			return new SavedReference(item.document(), item.category(), item.item());
		}
	}

	record SavedReturn(String number, SavedReference reference, String purchaseOrderByCustomer, String reason,
			Instant createdAt, Instant lastChangedAt, boolean completed, List<SavedReturnItem> items) {
	}

	record SavedReturnItem(String item, SavedReference reference, int quantity, BigDecimal netAmount,
			String returnReason, String rejectionReason, boolean received) {
	}

	record SavedCreditMemoRequest(String number, SavedReference reference, String purchaseOrderByCustomer,
			String reason, String billingBlock, Instant createdAt, Instant lastChangedAt, boolean billed,
			List<SavedCreditMemoItem> items) {
	}

	record SavedCreditMemoItem(String item, SavedReference reference, int quantity, CreditMemoRequestItem.Price price) {
	}

	@Override
	public String name() {
		return "erp";
	}

	@Override
	public Class<Saved> type() {
		return Saved.class;
	}

	@Override
	public Saved export() {
		List<SavedReturn> savedReturns = returns.all().stream().map(ErpState::saved).toList();
		List<SavedCreditMemoRequest> savedRequests = creditMemoRequests.all().stream().map(ErpState::saved).toList();
		return new Saved(salesOrders.placed(), savedReturns, savedRequests);
	}

	@Override
	public void restore(Saved saved) {
		placement.restore(saved.placedSalesOrders());
		returns.restore(saved.customerReturns().stream().map(this::restored).toList());
		creditMemoRequests.restore(saved.creditMemoRequests().stream().map(this::restored).toList());
	}

	private static SavedReturn saved(CustomerReturn r) {
		return new SavedReturn(r.number(), SavedReference.of(r.reference()), r.purchaseOrderByCustomer(), r.reason(),
				r.createdAt(), r.lastChangedAt(), r.completed(),
				r.items()
					.stream()
					.map(i -> new SavedReturnItem(i.item(), SavedReference.of(i.reference()), i.quantity(),
							i.netAmount(), i.returnReason(), i.rejectionReason(), i.received()))
					.toList());
	}

	private static SavedCreditMemoRequest saved(CreditMemoRequest r) {
		return new SavedCreditMemoRequest(r.number(), SavedReference.of(r.reference()), r.purchaseOrderByCustomer(),
				r.reason(), r.billingBlock(), r.createdAt(), r.lastChangedAt(), r.billed(),
				r.items()
					.stream()
					.map(i -> new SavedCreditMemoItem(i.item(), SavedReference.of(i.reference()), i.quantity(),
							i.price()))
					.toList());
	}

	private CustomerReturn restored(SavedReturn r) {
		return new CustomerReturn(r.number(), header(r.reference()), r.purchaseOrderByCustomer(), r.reason(),
				r.createdAt(), r.lastChangedAt(), r.completed(),
				r.items()
					.stream()
					.map(i -> new CustomerReturnItem(i.item(), item(i.reference()), i.quantity(), i.netAmount(),
							i.returnReason(), i.rejectionReason(), i.received()))
					.toList());
	}

	private CreditMemoRequest restored(SavedCreditMemoRequest r) {
		return new CreditMemoRequest(r.number(), header(r.reference()), r.purchaseOrderByCustomer(), r.reason(),
				r.billingBlock(), r.createdAt(), r.lastChangedAt(), r.billed(),
				r.items()
					.stream()
					.map(i -> new CreditMemoRequestItem(i.item(), item(i.reference()), i.quantity(), i.price()))
					.toList());
	}

	private SalesOrderReference.Header header(SavedReference reference) {
		return SalesOrderReference.header(reference.document(), reference.category(), salesOrders, invoices);
	}

	private SalesOrderReference.Item item(SavedReference reference) {
		return SalesOrderReference.item(reference.document(), reference.category(), reference.item(), salesOrders,
				invoices);
	}
}
