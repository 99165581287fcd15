package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.erp.ODataValues.DateTime;

import org.springframework.stereotype.Component;

/**
 * {@code API_BILLING_DOCUMENT_SRV}, read only: invoices with their items, each item naming the
 * sales order item it bills ({@code SalesDocument}, {@code SalesDocumentItem}). The sandbox has no
 * outbound deliveries, so an item's {@code ReferenceSDDocument} is its sales order (category C),
 * as with order-related billing. Entities are built once; key reads and {@code eq} filters on the
 * billing document, the sales order and the sold-to party go through indexes.
 */
@Component
class BillingDocumentService implements ODataService {

	private final List<ODataEntity> headers;

	private final List<ODataEntity> items;

	private final Map<String, ODataLookup<ODataEntity>> lookups;

	BillingDocumentService(BillingDocuments invoices) {
		List<ODataEntity> headers = new ArrayList<>();
		List<ODataEntity> items = new ArrayList<>();
		for (BillingDocument invoice : invoices.all()) {
			List<ODataEntity> invoiceItems = invoice.items().stream().map(i -> item(invoice, i)).toList();
			items.addAll(invoiceItems);
			headers.add(header(invoice, invoiceItems));
		}
		this.headers = List.copyOf(headers);
		this.items = List.copyOf(items);
		this.lookups = Map.of(ErpModel.BILLING_DOCUMENT.entitySet(),
				ODataLookup.of(this.headers, "BillingDocument", "SoldToParty"),
				ErpModel.BILLING_DOCUMENT_ITEM.entitySet(),
				ODataLookup.of(this.items, "BillingDocument", "SalesDocument"));
	}

	@Override
	public Edm.Service model() {
		return ErpModel.service(ErpModel.BILLING_DOCUMENT_SRV).orElseThrow();
	}

	@Override
	public List<ODataEntity> entities(String entitySet) {
		return entitySet.equals(ErpModel.BILLING_DOCUMENT.entitySet()) ? headers : items;
	}

	@Override
	public List<ODataEntity> entities(String entitySet, List<ODataFilter.Equality> required) {
		return lookups.get(entitySet).candidates(required).orElseGet(() -> entities(entitySet));
	}

	private static ODataEntity header(BillingDocument invoice, List<ODataEntity> items) {
		SalesOrder order = invoice.order();
		DateTime day = DateTime.dateOf(invoice.billedAt());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("BillingDocument", invoice.number());
		values.put("SDDocumentCategory", BillingDocument.CATEGORY);
		values.put("BillingDocumentCategory", "L");
		values.put("BillingDocumentType", "F2");
		values.put("CreationDate", day);
		values.put("SalesOrganization", order.salesOrganization());
		values.put("DistributionChannel", order.distributionChannel());
		values.put("Division", "00");
		values.put("BillingDocumentDate", day);
		values.put("BillingDocumentIsCancelled", Boolean.FALSE);
		values.put("TotalNetAmount", invoice.totalNetAmount());
		values.put("TransactionCurrency", order.currency());
		values.put("SoldToParty", order.soldToParty());
		values.put("PurchaseOrderByCustomer", order.purchaseOrderByCustomer());
		values.put("OverallBillingStatus", "C");
		return new ODataEntity(ErpModel.BILLING_DOCUMENT, values, Map.of("to_Item", items));
	}

	private static ODataEntity item(BillingDocument invoice, BillingDocument.Item item) {
		SalesOrderItem reference = item.reference();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("BillingDocument", invoice.number());
		values.put("BillingDocumentItem", item.item());
		values.put("SalesDocumentItemCategory", "TAN");
		values.put("Material", reference.material());
		values.put("BillingDocumentItemText", reference.text());
		values.put("BillingQuantity", BigDecimal.valueOf(item.quantity()));
		values.put("BillingQuantityUnit", "PC");
		values.put("NetAmount", item.netAmount());
		values.put("TransactionCurrency", reference.currency());
		values.put("Plant", reference.plant());
		values.put("ReferenceSDDocument", reference.salesOrder());
		values.put("ReferenceSDDocumentItem", reference.item());
		values.put("ReferenceSDDocumentCategory", "C");
		values.put("SalesDocument", reference.salesOrder());
		values.put("SalesDocumentItem", reference.item());
		values.put("SalesSDDocumentCategory", "C");
		return new ODataEntity(ErpModel.BILLING_DOCUMENT_ITEM, values, Map.of());
	}
}
