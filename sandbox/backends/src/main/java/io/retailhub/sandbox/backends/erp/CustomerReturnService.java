package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.retailhub.sandbox.backends.erp.ODataValues.DateTime;
import io.retailhub.sandbox.backends.erp.ODataValues.DateTimeOffset;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * {@code API_CUSTOMER_RETURN_SRV}: customer returns with their items, readable and creatable by
 * deep insert; items can be rejected by MERGE/PATCH. Returns reference the sales order (category
 * C) or one of its invoices (M); new ones start unprocessed (status A), the seeded legacy ones are
 * completed (C). Only the header carries an ETag: SAP declares a concurrency token
 * ({@code LastChangeDateTime}) on the header alone, so items are written without one and a MERGE
 * of an item answers none.
 */
@Component
class CustomerReturnService implements ODataService {

	private final CustomerReturns returns;

	/** Headers and items by their return's number, referenced document and (headers) customer reference. */
	private final ODataLookup<CustomerReturn> headerLookup;

	private final ODataLookup<CustomerReturn> itemLookup;

	CustomerReturnService(CustomerReturns returns) {
		this.returns = returns;
		Function<String, List<CustomerReturn>> byNumber = number -> returns.find(number).stream().toList();
		Comparator<CustomerReturn> documentOrder = Comparator.comparingLong(d -> Long.parseLong(d.number()));
		this.headerLookup = new ODataLookup<>(Map.of("CustomerReturn", byNumber, "ReferenceSDDocument",
				returns::referencing, "PurchaseOrderByCustomer", returns::withPurchaseOrderByCustomer), documentOrder);
		this.itemLookup = new ODataLookup<>(
				Map.of("CustomerReturn", byNumber, "ReferenceSDDocument", returns::referencing), documentOrder);
	}

	@Override
	public Edm.Service model() {
		return ErpModel.service(ErpModel.CUSTOMER_RETURN_SRV).orElseThrow();
	}

	@Override
	public List<ODataEntity> entities(String entitySet) {
		return build(entitySet, returns.all());
	}

	/** Builds entities only for the documents an index finds, when the query names an indexed property. */
	@Override
	public List<ODataEntity> entities(String entitySet, List<ODataFilter.Equality> required) {
		boolean headers = entitySet.equals(ErpModel.CUSTOMER_RETURN.entitySet());
		return (headers ? headerLookup : itemLookup).candidates(required)
			.map(found -> build(entitySet, found))
			.orElseGet(() -> entities(entitySet));
	}

	private static List<ODataEntity> build(String entitySet, List<CustomerReturn> documents) {
		List<ODataEntity> headers = documents.stream().map(CustomerReturnService::header).toList();
		if (entitySet.equals(ErpModel.CUSTOMER_RETURN.entitySet())) {
			return headers;
		}
		return headers.stream().flatMap(h -> h.navigation("to_Item").stream()).toList();
	}

	@Override
	public Optional<ODataEntity> entity(String entitySet, Map<String, String> key) {
		if (entitySet.equals(ErpModel.CUSTOMER_RETURN.entitySet())) {
			return returns.find(key.getOrDefault("CustomerReturn", "")).map(CustomerReturnService::header)
				.filter(e -> e.hasKey(key));
		}
		return ODataService.super.entity(entitySet, key);
	}

	@Override
	public ODataEntity create(String entitySet, JsonNode body) {
		if (!entitySet.equals(ErpModel.CUSTOMER_RETURN.entitySet())) {
			return ODataService.super.create(entitySet, body);
		}
		return header(returns.create(DeepInsert.read(body, ErpModel.CUSTOMER_RETURN)));
	}

	@Override
	public ODataEntity update(String entitySet, Map<String, String> key, Map<String, String> changes, String ifMatch) {
		if (!entitySet.equals(ErpModel.CUSTOMER_RETURN_ITEM.entitySet())) {
			return ODataService.super.update(entitySet, key, changes, ifMatch);
		}
		CustomerReturn changed = returns.changeItem(key.get("CustomerReturn"), key.get("CustomerReturnItem"), changes,
				ifMatch);
		return header(changed).navigation("to_Item").stream().filter(i -> i.hasKey(key)).findFirst().orElseThrow();
	}

	private static ODataEntity header(CustomerReturn customerReturn) {
		SalesOrder order = customerReturn.order();
		String status = customerReturn.completed() ? "C" : "A";
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("CustomerReturn", customerReturn.number());
		values.put("CustomerReturnType", CustomerReturns.RETURN_TYPE);
		values.put("SalesOrganization", order.salesOrganization());
		values.put("DistributionChannel", order.distributionChannel());
		values.put("OrganizationDivision", "00");
		values.put("SoldToParty", order.soldToParty());
		values.put("PurchaseOrderByCustomer", customerReturn.purchaseOrderByCustomer());
		values.put("CustomerReturnDate", DateTime.dateOf(customerReturn.createdAt()));
		values.put("CreationDate", DateTime.dateOf(customerReturn.createdAt()));
		values.put("LastChangeDateTime", new DateTimeOffset(customerReturn.lastChangedAt()));
		values.put("TotalNetAmount", customerReturn.totalNetAmount());
		values.put("TransactionCurrency", order.currency());
		values.put("SDDocumentReason", customerReturn.reason());
		values.put("ReferenceSDDocument", customerReturn.reference().document());
		values.put("ReferenceSDDocumentCategory", customerReturn.reference().category());
		values.put("RetsMgmtProcess", customerReturn.number());
		values.put("RetsMgmtLogProcgStatus", status);
		values.put("RetsMgmtCompnProcgStatus", status);
		values.put("RetsMgmtProcessingStatus", status);
		values.put("OverallSDProcessStatus", status);
		values.put("OverallSDDocumentRejectionSts", customerReturn.rejectionStatus());
		List<ODataEntity> items = customerReturn.items().stream().map(i -> item(customerReturn, i, status)).toList();
		return new ODataEntity(ErpModel.CUSTOMER_RETURN, values, Map.of("to_Item", items));
	}

	private static ODataEntity item(CustomerReturn customerReturn, CustomerReturnItem item, String status) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("CustomerReturn", customerReturn.number());
		values.put("CustomerReturnItem", item.item());
		values.put("CustomerReturnItemCategory", "CBAR");
		values.put("CustomerReturnItemText", item.orderItem().text());
		values.put("Material", item.orderItem().material());
		values.put("RequestedQuantity", BigDecimal.valueOf(item.quantity()));
		values.put("RequestedQuantityUnit", "PC");
		values.put("NetAmount", item.netAmount());
		values.put("TransactionCurrency", customerReturn.order().currency());
		values.put("ReturnReason", item.returnReason());
		values.put("ReferenceSDDocument", item.reference().document());
		values.put("ReferenceSDDocumentItem", item.reference().item());
		values.put("ReferenceSDDocumentCategory", item.reference().category());
		values.put("SDProcessStatus", status);
		values.put("SalesDocumentRjcnReason", item.rejectionReason());
		values.put("ReturnsMaterialHasBeenReceived", item.received() ? "X" : "");
		values.put("SDDocumentRejectionStatus", item.rejected() ? "C" : "A");
		return new ODataEntity(ErpModel.CUSTOMER_RETURN_ITEM, values, Map.of());
	}
}
