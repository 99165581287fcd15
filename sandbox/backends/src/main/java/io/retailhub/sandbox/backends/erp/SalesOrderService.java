package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.retailhub.sandbox.backends.erp.ODataValues.DateTime;
import io.retailhub.sandbox.backends.erp.ODataValues.DateTimeOffset;

import org.springframework.stereotype.Component;

/**
 * {@code API_SALES_ORDER_SRV}, read only: sales orders with their items and each item's pricing
 * elements (PPR0 list price, DM01 promotion discount). The entities are built once per order; the
 * orders never change. Key reads and {@code eq} filters on the properties the hub asks by (customer
 * reference, sold-to party, sales order) go through indexes built with them. An order placed
 * through the admin API (or restored at start) is added with {@link #include}, which replaces the
 * lists and their indexes rather than changing them, so readers need no lock.
 */
@Component
class SalesOrderService implements ODataService {

	/** The communication user that created the seeded orders (the commerce integration). */
	static final String CREATED_BY = "CC0000000001";

	private volatile List<ODataEntity> orders;

	private volatile List<ODataEntity> items;

	private volatile List<ODataEntity> pricingElements;

	private volatile Map<String, ODataLookup<ODataEntity>> lookups;

	SalesOrderService(SalesOrders salesOrders) {
		this.orders = List.of();
		this.items = List.of();
		this.pricingElements = List.of();
		include(salesOrders.all());
	}

	private static Map<String, ODataLookup<ODataEntity>> lookups(List<ODataEntity> orders, List<ODataEntity> items,
			List<ODataEntity> pricingElements) {
		return Map.of(ErpModel.SALES_ORDER.entitySet(),
				ODataLookup.of(orders, "SalesOrder", "PurchaseOrderByCustomer", "SoldToParty"),
				ErpModel.SALES_ORDER_ITEM.entitySet(), ODataLookup.of(items, "SalesOrder", "PurchaseOrderByCustomer"),
				ErpModel.SALES_ORDER_ITEM_PRICING_ELEMENT.entitySet(), ODataLookup.of(pricingElements, "SalesOrder"));
	}

	/** Makes orders readable, with their items and pricing elements: the seeded ones, then each placed one. */
	synchronized void include(List<SalesOrder> placed) {
		List<ODataEntity> elements = new ArrayList<>(pricingElements);
		List<ODataEntity> allItems = new ArrayList<>(items);
		List<ODataEntity> headers = new ArrayList<>(orders);
		for (SalesOrder order : placed) {
			List<ODataEntity> orderItems = new ArrayList<>();
			for (SalesOrderItem item : order.items()) {
				List<ODataEntity> itemElements = pricingElements(item);
				elements.addAll(itemElements);
				orderItems.add(item(order, item, itemElements));
			}
			allItems.addAll(orderItems);
			headers.add(header(order, orderItems));
		}
		List<ODataEntity> newElements = List.copyOf(elements);
		List<ODataEntity> newItems = List.copyOf(allItems);
		List<ODataEntity> newOrders = List.copyOf(headers);
		// indexes first: a reader that finds the new order through them finds it in the lists too
		Map<String, ODataLookup<ODataEntity>> newLookups = lookups(newOrders, newItems, newElements);
		this.pricingElements = newElements;
		this.items = newItems;
		this.orders = newOrders;
		this.lookups = newLookups;
	}

	@Override
	public Edm.Service model() {
		return ErpModel.service(ErpModel.SALES_ORDER_SRV).orElseThrow();
	}

	@Override
	public List<ODataEntity> entities(String entitySet) {
		return switch (entitySet) {
			case "A_SalesOrder" -> orders;
			case "A_SalesOrderItem" -> items;
			default -> pricingElements;
		};
	}

	@Override
	public List<ODataEntity> entities(String entitySet, List<ODataFilter.Equality> required) {
		ODataLookup<ODataEntity> lookup = this.lookups.get(entitySet);
		return lookup == null ? entities(entitySet) : lookup.candidates(required).orElseGet(() -> entities(entitySet));
	}

	private static ODataEntity header(SalesOrder order, List<ODataEntity> items) {
		DateTime day = DateTime.dateOf(order.placedAt());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("SalesOrder", order.salesOrder());
		values.put("SalesOrderType", "OR");
		values.put("SalesOrganization", order.salesOrganization());
		values.put("DistributionChannel", order.distributionChannel());
		values.put("OrganizationDivision", "00");
		values.put("SoldToParty", order.soldToParty());
		values.put("PurchaseOrderByCustomer", order.purchaseOrderByCustomer());
		values.put("CustomerPurchaseOrderDate", day);
		values.put("SalesOrderDate", day);
		values.put("PricingDate", day);
		values.put("CreationDate", day);
		values.put("CreatedByUser", CREATED_BY);
		values.put("LastChangeDate", day);
		values.put("LastChangeDateTime", new DateTimeOffset(order.placedAt()));
		values.put("TotalNetAmount", order.totalNetAmount());
		values.put("TransactionCurrency", order.currency());
		values.put("SDDocumentReason", "");
		values.put("OverallSDProcessStatus", order.overallSdProcessStatus());
		values.put("OverallDeliveryStatus", order.overallDeliveryStatus());
		values.put("OverallTotalDeliveryStatus", order.overallDeliveryStatus());
		values.put("OverallSDDocumentRejectionSts", "A");
		return new ODataEntity(ErpModel.SALES_ORDER, values, Map.of("to_Item", items));
	}

	private static ODataEntity item(SalesOrder order, SalesOrderItem item, List<ODataEntity> pricingElements) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("SalesOrder", item.salesOrder());
		values.put("SalesOrderItem", item.item());
		values.put("SalesOrderItemCategory", "TAN");
		values.put("SalesOrderItemText", item.text());
		values.put("PurchaseOrderByCustomer", order.purchaseOrderByCustomer());
		values.put("Material", item.material());
		values.put("RequestedQuantity", BigDecimal.valueOf(item.quantity()));
		values.put("RequestedQuantityUnit", "PC");
		values.put("RequestedQuantitySAPUnit", "ST");
		values.put("RequestedQuantityISOUnit", "PCE");
		values.put("NetAmount", item.netAmount());
		values.put("TransactionCurrency", item.currency());
		values.put("ProductionPlant", item.plant());
		values.put("SDProcessStatus", item.sdProcessStatus());
		values.put("DeliveryStatus", item.deliveryStatus());
		return new ODataEntity(ErpModel.SALES_ORDER_ITEM, values, Map.of("to_PricingElement", pricingElements));
	}

	private static List<ODataEntity> pricingElements(SalesOrderItem item) {
		BigDecimal quantity = BigDecimal.valueOf(item.quantity());
		BigDecimal gross = item.unitPrice().multiply(quantity);
		List<ODataEntity> elements = new ArrayList<>();
		elements.add(pricingElement(item, "10", "PPR0", "C", quantity, item.unitPrice(), item.currency(), BigDecimal.ONE,
				"PC", gross));
		if (item.discount().signum() > 0) {
			BigDecimal percent = item.discount()
				.multiply(BigDecimal.valueOf(100))
				.divide(gross, 3, RoundingMode.HALF_UP)
				.negate();
			elements.add(pricingElement(item, "20", "DM01", "A", gross, percent, "", null, "", item.discount().negate()));
		}
		return elements;
	}

	private static ODataEntity pricingElement(SalesOrderItem item, String step, String conditionType,
			String calculationType, BigDecimal baseValue, BigDecimal rate, String rateCurrency, BigDecimal perQuantity,
			String perUnit, BigDecimal amount) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("SalesOrder", item.salesOrder());
		values.put("SalesOrderItem", item.item());
		values.put("PricingProcedureStep", step);
		values.put("PricingProcedureCounter", "1");
		values.put("ConditionType", conditionType);
		values.put("ConditionCalculationType", calculationType);
		values.put("ConditionBaseValue", baseValue);
		values.put("ConditionRateValue", rate);
		values.put("ConditionCurrency", rateCurrency);
		values.put("ConditionQuantity", perQuantity);
		values.put("ConditionQuantityUnit", perUnit);
		values.put("ConditionAmount", amount);
		values.put("TransactionCurrency", item.currency());
		values.put("ConditionInactiveReason", "");
		return new ODataEntity(ErpModel.SALES_ORDER_ITEM_PRICING_ELEMENT, values, Map.of());
	}
}
