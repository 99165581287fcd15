package io.retailhub.system.erp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.retailhub.system.erp.SapDocuments.BillingDocumentItem;

/**
 * Which sales order item each invoice item bills, read from {@code API_BILLING_DOCUMENT_SRV}
 * ({@code A_BillingDocumentItem}: {@code SalesDocument}, {@code SalesDocumentItem}). Returns and
 * credits referencing an invoice name its items, whose numbers are the invoice's own; this turns
 * them into order lines. What an invoice item bills never changes, so every item read is
 * remembered (at most {@code maxSize}, least recently used out first; 0 remembers none) and a
 * document referencing it is mapped without reading again. Which invoices an order has grows as
 * its parcels are billed, so that is read every time. Thread-safe.
 */
final class BilledItems {

	/** One invoice item and the sales order item it bills. */
	record BilledItem(String billingDocument, String billingItem, String salesOrder, String salesOrderItem) {
	}

	private static final String SELECT = "BillingDocument,BillingDocumentItem,SalesDocument,SalesDocumentItem";

	private static final String DOCUMENT_ORDER = "BillingDocument,BillingDocumentItem";

	private final ErpClient client;

	private final Map<String, BilledItem> remembered;

	BilledItems(ErpClient client, int maxSize) {
		this.client = client;
		this.remembered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, BilledItem> eldest) {
				return size() > maxSize;
			}
		});
	}

	/** The invoice items billing this sales order, oldest invoice first; read from ERP. */
	List<BilledItem> ofSalesOrder(String salesOrder) {
		return read(SapFormats.eq("SalesDocument", salesOrder));
	}

	/** What this invoice item bills: remembered, or read with the rest of its invoice. */
	Optional<BilledItem> item(String billingDocument, String billingItem) {
		BilledItem known = remembered.get(key(billingDocument, billingItem));
		if (known != null) {
			return Optional.of(known);
		}
		return read(SapFormats.eq("BillingDocument", billingDocument)).stream()
			.filter(i -> i.billingItem().equals(billingItem))
			.findFirst();
	}

	private List<BilledItem> read(String filter) {
		List<BilledItem> items = client.billingDocumentItems(filter, SELECT, DOCUMENT_ORDER)
			.results()
			.stream()
			.map(BilledItems::billed)
			.toList();
		items.forEach(i -> remembered.put(key(i.billingDocument(), i.billingItem()), i));
		return items;
	}

	private static BilledItem billed(BillingDocumentItem item) {
		return new BilledItem(item.billingDocument(), item.billingDocumentItem(), item.salesDocument(),
				item.salesDocumentItem());
	}

	private static String key(String billingDocument, String billingItem) {
		return billingDocument + "/" + billingItem;
	}
}
