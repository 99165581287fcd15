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
 * {@code API_CREDIT_MEMO_REQUEST_SRV}: credit memo requests with their items and the items'
 * pricing elements, readable and creatable by deep insert (the pricing elements not: pricing
 * determines them); a pricing element can be changed by MERGE/PATCH under the request's ETag, and
 * answers none (SAP declares no concurrency token on it). New requests are open and not yet billed
 * (status A); the seeded legacy ones are billed (C).
 */
@Component
class CreditMemoRequestService implements ODataService {

	private final CreditMemoRequests requests;

	/** Headers, items and pricing elements by their request's number and referenced document; headers by customer reference. */
	private final ODataLookup<CreditMemoRequest> headerLookup;

	private final ODataLookup<CreditMemoRequest> itemLookup;

	CreditMemoRequestService(CreditMemoRequests requests) {
		this.requests = requests;
		Function<String, List<CreditMemoRequest>> byNumber = number -> requests.find(number).stream().toList();
		Comparator<CreditMemoRequest> documentOrder = Comparator.comparingLong(d -> Long.parseLong(d.number()));
		this.headerLookup = new ODataLookup<>(Map.of("CreditMemoRequest", byNumber, "ReferenceSDDocument",
				requests::referencing, "PurchaseOrderByCustomer", requests::withPurchaseOrderByCustomer), documentOrder);
		this.itemLookup = new ODataLookup<>(
				Map.of("CreditMemoRequest", byNumber, "ReferenceSDDocument", requests::referencing), documentOrder);
	}

	@Override
	public Edm.Service model() {
		return ErpModel.service(ErpModel.CREDIT_MEMO_REQUEST_SRV).orElseThrow();
	}

	@Override
	public List<ODataEntity> entities(String entitySet) {
		return build(entitySet, requests.all());
	}

	/** Builds entities only for the documents an index finds, when the query names an indexed property. */
	@Override
	public List<ODataEntity> entities(String entitySet, List<ODataFilter.Equality> required) {
		boolean headers = entitySet.equals(ErpModel.CREDIT_MEMO_REQUEST.entitySet());
		return (headers ? headerLookup : itemLookup).candidates(required)
			.map(found -> build(entitySet, found))
			.orElseGet(() -> entities(entitySet));
	}

	private static List<ODataEntity> build(String entitySet, List<CreditMemoRequest> documents) {
		List<ODataEntity> headers = documents.stream().map(CreditMemoRequestService::header).toList();
		if (entitySet.equals(ErpModel.CREDIT_MEMO_REQUEST.entitySet())) {
			return headers;
		}
		List<ODataEntity> items = headers.stream().flatMap(h -> h.navigation("to_Item").stream()).toList();
		if (entitySet.equals(ErpModel.CREDIT_MEMO_REQUEST_ITEM.entitySet())) {
			return items;
		}
		return items.stream().flatMap(i -> i.navigation("to_PricingElement").stream()).toList();
	}

	@Override
	public Optional<ODataEntity> entity(String entitySet, Map<String, String> key) {
		if (entitySet.equals(ErpModel.CREDIT_MEMO_REQUEST.entitySet())) {
			return requests.find(key.getOrDefault("CreditMemoRequest", "")).map(CreditMemoRequestService::header)
				.filter(e -> e.hasKey(key));
		}
		return ODataService.super.entity(entitySet, key);
	}

	@Override
	public ODataEntity create(String entitySet, JsonNode body) {
		if (!entitySet.equals(ErpModel.CREDIT_MEMO_REQUEST.entitySet())) {
			return ODataService.super.create(entitySet, body);
		}
		return header(requests.create(DeepInsert.read(body, ErpModel.CREDIT_MEMO_REQUEST)));
	}

	@Override
	public ODataEntity update(String entitySet, Map<String, String> key, Map<String, String> changes, String ifMatch) {
		if (!entitySet.equals(ErpModel.CREDIT_MEMO_REQUEST_ITEM_PRICING_ELEMENT.entitySet())) {
			return ODataService.super.update(entitySet, key, changes, ifMatch);
		}
		CreditMemoRequest changed = requests.changePrice(key, changes, ifMatch);
		return build(entitySet, List.of(changed)).stream().filter(e -> e.hasKey(key)).findFirst().orElseThrow();
	}

	private static ODataEntity header(CreditMemoRequest request) {
		SalesOrder order = request.order();
		String status = request.billed() ? "C" : "A";
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("CreditMemoRequest", request.number());
		values.put("CreditMemoRequestType", CreditMemoRequests.REQUEST_TYPE);
		values.put("SalesOrganization", order.salesOrganization());
		values.put("DistributionChannel", order.distributionChannel());
		values.put("OrganizationDivision", "00");
		values.put("SoldToParty", order.soldToParty());
		values.put("PurchaseOrderByCustomer", request.purchaseOrderByCustomer());
		values.put("CreditMemoRequestDate", DateTime.dateOf(request.createdAt()));
		values.put("CreationDate", DateTime.dateOf(request.createdAt()));
		values.put("LastChangeDateTime", new DateTimeOffset(request.lastChangedAt()));
		values.put("TotalNetAmount", request.totalNetAmount());
		values.put("TransactionCurrency", order.currency());
		values.put("SDDocumentReason", request.reason());
		values.put("HeaderBillingBlockReason", request.billingBlock());
		values.put("ReferenceSDDocument", request.reference().document());
		values.put("ReferenceSDDocumentCategory", request.reference().category());
		values.put("OverallSDProcessStatus", status);
		values.put("OverallOrdReltdBillgStatus", status);
		List<ODataEntity> items = request.items().stream().map(i -> item(request, i, status)).toList();
		return new ODataEntity(ErpModel.CREDIT_MEMO_REQUEST, values, Map.of("to_Item", items));
	}

	private static ODataEntity item(CreditMemoRequest request, CreditMemoRequestItem item, String status) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("CreditMemoRequest", request.number());
		values.put("CreditMemoRequestItem", item.item());
		values.put("CreditMemoRequestItemCategory", "G2N");
		values.put("CreditMemoRequestItemText", item.orderItem().text());
		values.put("Material", item.orderItem().material());
		values.put("RequestedQuantity", BigDecimal.valueOf(item.quantity()));
		values.put("RequestedQuantityUnit", "PC");
		values.put("NetAmount", item.netAmount());
		values.put("TransactionCurrency", request.order().currency());
		values.put("Plant", item.orderItem().plant());
		values.put("ReferenceSDDocument", item.reference().document());
		values.put("ReferenceSDDocumentItem", item.reference().item());
		values.put("SDProcessStatus", status);
		return new ODataEntity(ErpModel.CREDIT_MEMO_REQUEST_ITEM, values,
				Map.of("to_PricingElement", List.of(pricingElement(request, item))));
	}

	private static ODataEntity pricingElement(CreditMemoRequest request, CreditMemoRequestItem item) {
		CreditMemoRequestItem.Price price = item.price();
		String currency = request.order().currency();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("CreditMemoRequest", request.number());
		values.put("CreditMemoRequestItem", item.item());
		values.put("PricingProcedureStep", CreditMemoRequestItem.PRICE_STEP);
		values.put("PricingProcedureCounter", CreditMemoRequestItem.PRICE_COUNTER);
		values.put("ConditionType", price.conditionType());
		values.put("ConditionCalculationType", "C");
		values.put("ConditionBaseValue", BigDecimal.valueOf(item.quantity()));
		values.put("ConditionRateValue", price.rate());
		values.put("ConditionCurrency", currency);
		values.put("ConditionQuantity", BigDecimal.valueOf(price.per()));
		values.put("ConditionQuantityUnit", "PC");
		values.put("ConditionQuantitySAPUnit", "ST");
		values.put("ConditionAmount", item.netAmount());
		values.put("TransactionCurrency", currency);
		values.put("ConditionInactiveReason", "");
		values.put("ConditionIsManuallyChanged", price.manual());
		return new ODataEntity(ErpModel.CREDIT_MEMO_REQUEST_ITEM_PRICING_ELEMENT, values, Map.of());
	}
}
