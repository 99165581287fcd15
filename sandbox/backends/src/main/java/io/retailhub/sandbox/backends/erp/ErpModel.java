package io.retailhub.sandbox.backends.erp;

import static io.retailhub.sandbox.backends.erp.Edm.Property.amount;
import static io.retailhub.sandbox.backends.erp.Edm.Property.date;
import static io.retailhub.sandbox.backends.erp.Edm.Property.decimal;
import static io.retailhub.sandbox.backends.erp.Edm.Property.flag;
import static io.retailhub.sandbox.backends.erp.Edm.Property.key;
import static io.retailhub.sandbox.backends.erp.Edm.Property.lastChange;
import static io.retailhub.sandbox.backends.erp.Edm.Property.string;

import java.util.List;
import java.util.Optional;

import io.retailhub.sandbox.backends.erp.Edm.ComplexType;
import io.retailhub.sandbox.backends.erp.Edm.EntityType;
import io.retailhub.sandbox.backends.erp.Edm.FunctionImport;
import io.retailhub.sandbox.backends.erp.Edm.Navigation;
import io.retailhub.sandbox.backends.erp.Edm.Parameter;
import io.retailhub.sandbox.backends.erp.Edm.Property;
import io.retailhub.sandbox.backends.erp.Edm.Service;
import io.retailhub.sandbox.backends.erp.Edm.Type;

/**
 * The slice of the SAP S/4HANA Cloud A2X services the sandbox serves: the fields the hub reads
 * and writes, with the names, lengths and types of the real {@code $metadata} (DIALECTS.md 1.3 to
 * 1.7; {@code API_BILLING_DOCUMENT_SRV} as SAP CAP imports it). Properties are listed in the order responses carry them.
 */
final class ErpModel {

	static final String SALES_ORDER_SRV = "API_SALES_ORDER_SRV";

	static final String CUSTOMER_RETURN_SRV = "API_CUSTOMER_RETURN_SRV";

	static final String CREDIT_MEMO_REQUEST_SRV = "API_CREDIT_MEMO_REQUEST_SRV";

	static final String PRODUCT_AVAILABILITY_SRV = "API_PRODUCT_AVAILY_INFO_BASIC";

	static final String BILLING_DOCUMENT_SRV = "API_BILLING_DOCUMENT_SRV";

	static final EntityType SALES_ORDER_ITEM_PRICING_ELEMENT = new EntityType("A_SalesOrderItemPrElementType",
			"A_SalesOrderItemPrElement",
			List.of(key("SalesOrder", 10), key("SalesOrderItem", 6), key("PricingProcedureStep", 3),
					key("PricingProcedureCounter", 3), string("ConditionType", 4), string("ConditionCalculationType", 3),
					decimal("ConditionBaseValue", 24, 9, null), decimal("ConditionRateValue", 24, 9, "ConditionCurrency"),
					string("ConditionCurrency", 5), decimal("ConditionQuantity", 5, 0, "ConditionQuantityUnit"),
					string("ConditionQuantityUnit", 3), amount("ConditionAmount"), string("TransactionCurrency", 5),
					string("ConditionInactiveReason", 1)),
			List.of());

	static final EntityType SALES_ORDER_ITEM = new EntityType("A_SalesOrderItemType", "A_SalesOrderItem",
			List.of(key("SalesOrder", 10), key("SalesOrderItem", 6), string("SalesOrderItemCategory", 4),
					string("SalesOrderItemText", 40), string("PurchaseOrderByCustomer", 35), string("Material", 40),
					decimal("RequestedQuantity", 15, 3, "RequestedQuantityUnit"), string("RequestedQuantityUnit", 3),
					string("RequestedQuantitySAPUnit", 3), string("RequestedQuantityISOUnit", 3), amount("NetAmount"),
					string("TransactionCurrency", 5).readOnly(), string("ProductionPlant", 4),
					string("SDProcessStatus", 1).readOnly(), string("DeliveryStatus", 1).readOnly()),
			List.of(new Navigation("to_PricingElement", SALES_ORDER_ITEM_PRICING_ELEMENT, true, true)));

	static final EntityType SALES_ORDER = new EntityType("A_SalesOrderType", "A_SalesOrder",
			List.of(key("SalesOrder", 10), string("SalesOrderType", 4), string("SalesOrganization", 4),
					string("DistributionChannel", 2), string("OrganizationDivision", 2), string("SoldToParty", 10),
					string("PurchaseOrderByCustomer", 35), date("CustomerPurchaseOrderDate"), date("SalesOrderDate"),
					date("PricingDate"), date("CreationDate").readOnly(), string("CreatedByUser", 12).readOnly(),
					date("LastChangeDate").readOnly(), lastChange("LastChangeDateTime"), amount("TotalNetAmount"),
					string("TransactionCurrency", 5), string("SDDocumentReason", 3),
					string("OverallSDProcessStatus", 1).readOnly(), string("OverallDeliveryStatus", 1).readOnly(),
					string("OverallTotalDeliveryStatus", 1).readOnly(),
					string("OverallSDDocumentRejectionSts", 1).readOnly()),
			List.of(new Navigation("to_Item", SALES_ORDER_ITEM, true, true)));

	static final EntityType CUSTOMER_RETURN_ITEM = new EntityType("A_CustomerReturnItemType", "A_CustomerReturnItem",
			List.of(key("CustomerReturn", 10), key("CustomerReturnItem", 6), string("CustomerReturnItemCategory", 4),
					string("CustomerReturnItemText", 40), string("Material", 40),
					decimal("RequestedQuantity", 15, 3, "RequestedQuantityUnit"), string("RequestedQuantityUnit", 3),
					amount("NetAmount"), string("TransactionCurrency", 5).readOnly(), string("ReturnReason", 3),
					string("ReferenceSDDocument", 10), string("ReferenceSDDocumentItem", 6),
					string("ReferenceSDDocumentCategory", 4).readOnly(), string("SDProcessStatus", 1).readOnly(),
					string("SalesDocumentRjcnReason", 2), string("ReturnsMaterialHasBeenReceived", 1).readOnly(),
					string("SDDocumentRejectionStatus", 1).readOnly()),
			List.of());

	static final EntityType CUSTOMER_RETURN = new EntityType("A_CustomerReturnType", "A_CustomerReturn",
			List.of(key("CustomerReturn", 10), string("CustomerReturnType", 4), string("SalesOrganization", 4),
					string("DistributionChannel", 2), string("OrganizationDivision", 2), string("SoldToParty", 10),
					string("PurchaseOrderByCustomer", 35), date("CustomerReturnDate"), date("CreationDate").readOnly(),
					lastChange("LastChangeDateTime"), amount("TotalNetAmount"), string("TransactionCurrency", 5),
					string("SDDocumentReason", 3), string("ReferenceSDDocument", 10),
					string("ReferenceSDDocumentCategory", 4).readOnly(), string("RetsMgmtProcess", 10).readOnly(),
					string("RetsMgmtLogProcgStatus", 1).readOnly(), string("RetsMgmtCompnProcgStatus", 1).readOnly(),
					string("RetsMgmtProcessingStatus", 1).readOnly(), string("OverallSDProcessStatus", 1).readOnly(),
					string("OverallSDDocumentRejectionSts", 1).readOnly()),
			List.of(new Navigation("to_Item", CUSTOMER_RETURN_ITEM, true, true)));

	/**
	 * The pricing elements of a credit memo request item. SAP's entity set is
	 * {@code sap:creatable="false"} (and so is the association from the item): a client cannot add
	 * one, only change the ones pricing determined, such as the rate of the price condition.
	 */
	static final EntityType CREDIT_MEMO_REQUEST_ITEM_PRICING_ELEMENT = new EntityType(
			"A_CreditMemoReqItemPrcgElmntType", "A_CreditMemoReqItemPrcgElmnt",
			List.of(key("CreditMemoRequest", 10), key("CreditMemoRequestItem", 6), key("PricingProcedureStep", 3),
					key("PricingProcedureCounter", 3), string("ConditionType", 4),
					string("ConditionCalculationType", 3).readOnly(), decimal("ConditionBaseValue", 24, 9, null).readOnly(),
					decimal("ConditionRateValue", 24, 9, null), string("ConditionCurrency", 5),
					decimal("ConditionQuantity", 5, 0, "ConditionQuantitySAPUnit"), string("ConditionQuantityUnit", 3),
					string("ConditionQuantitySAPUnit", 3), amount("ConditionAmount"), string("TransactionCurrency", 5),
					string("ConditionInactiveReason", 1).readOnly(), flag("ConditionIsManuallyChanged")),
			List.of());

	/**
	 * Credit memo request items. {@code NetAmount} is read-only, as in SAP's metadata: pricing
	 * computes it, and a client changes what is credited through the item's pricing elements.
	 */
	static final EntityType CREDIT_MEMO_REQUEST_ITEM = new EntityType("A_CreditMemoRequestItemType",
			"A_CreditMemoRequestItem",
			List.of(key("CreditMemoRequest", 10), key("CreditMemoRequestItem", 6),
					string("CreditMemoRequestItemCategory", 4), string("CreditMemoRequestItemText", 40),
					string("Material", 40), decimal("RequestedQuantity", 15, 3, "RequestedQuantityUnit"),
					string("RequestedQuantityUnit", 3), amount("NetAmount"), string("TransactionCurrency", 5).readOnly(),
					string("Plant", 4), string("ReferenceSDDocument", 10), string("ReferenceSDDocumentItem", 6),
					string("SDProcessStatus", 1).readOnly()),
			List.of(new Navigation("to_PricingElement", CREDIT_MEMO_REQUEST_ITEM_PRICING_ELEMENT, true, false)));

	static final EntityType CREDIT_MEMO_REQUEST = new EntityType("A_CreditMemoRequestType", "A_CreditMemoRequest",
			List.of(key("CreditMemoRequest", 10), string("CreditMemoRequestType", 4), string("SalesOrganization", 4),
					string("DistributionChannel", 2), string("OrganizationDivision", 2), string("SoldToParty", 10),
					string("PurchaseOrderByCustomer", 35), date("CreditMemoRequestDate"),
					date("CreationDate").readOnly(), lastChange("LastChangeDateTime"), amount("TotalNetAmount"),
					string("TransactionCurrency", 5), string("SDDocumentReason", 3),
					string("HeaderBillingBlockReason", 2), string("ReferenceSDDocument", 10),
					string("ReferenceSDDocumentCategory", 4).readOnly(), string("OverallSDProcessStatus", 1).readOnly(),
					string("OverallOrdReltdBillgStatus", 1).readOnly()),
			List.of(new Navigation("to_Item", CREDIT_MEMO_REQUEST_ITEM, true, true)));

	/**
	 * Billing document items ({@code API_BILLING_DOCUMENT_SRV}, read only): which sales order item
	 * ({@code SalesDocument}, {@code SalesDocumentItem}) an invoice item bills.
	 */
	static final EntityType BILLING_DOCUMENT_ITEM = new EntityType("A_BillingDocumentItemType",
			"A_BillingDocumentItem",
			List.of(key("BillingDocument", 10), key("BillingDocumentItem", 6),
					string("SalesDocumentItemCategory", 4).readOnly(), string("Material", 40).readOnly(),
					string("BillingDocumentItemText", 40).readOnly(),
					decimal("BillingQuantity", 13, 3, "BillingQuantityUnit").readOnly(),
					string("BillingQuantityUnit", 3).readOnly(), amount("NetAmount"),
					string("TransactionCurrency", 5).readOnly(), string("Plant", 4).readOnly(),
					string("ReferenceSDDocument", 10).readOnly(), string("ReferenceSDDocumentItem", 6).readOnly(),
					string("ReferenceSDDocumentCategory", 4).readOnly(), string("SalesDocument", 10).readOnly(),
					string("SalesDocumentItem", 6).readOnly(), string("SalesSDDocumentCategory", 4).readOnly()),
			List.of());

	/** Billing documents (invoices, category M), read only, with their items. */
	static final EntityType BILLING_DOCUMENT = new EntityType("A_BillingDocumentType", "A_BillingDocument",
			List.of(key("BillingDocument", 10), string("SDDocumentCategory", 4).readOnly(),
					string("BillingDocumentCategory", 1).readOnly(), string("BillingDocumentType", 4).readOnly(),
					date("CreationDate").readOnly(), string("SalesOrganization", 4).readOnly(),
					string("DistributionChannel", 2).readOnly(), string("Division", 2).readOnly(),
					date("BillingDocumentDate").readOnly(), flag("BillingDocumentIsCancelled"),
					amount("TotalNetAmount"), string("TransactionCurrency", 5).readOnly(),
					string("SoldToParty", 10).readOnly(), string("PurchaseOrderByCustomer", 35).readOnly(),
					string("OverallBillingStatus", 1).readOnly()),
			List.of(new Navigation("to_Item", BILLING_DOCUMENT_ITEM, true, false)));

	static final ComplexType AVAILABILITY_RECORD = new ComplexType("AvailabilityRecord",
			List.of(new Property("PeriodStartUTCDateTime", Type.DATE_TIME, null, 0, null, false, false, null, false),
					string("PeriodStartTimeZone", 6).readOnly(),
					new Property("PeriodEndUTCDateTime", Type.DATE_TIME, null, 0, null, false, false, null, false),
					string("PeriodEndTimeZone", 6).readOnly(),
					decimal("AvailableQuantityInBaseUnit", 16, 3, "BaseUnit").readOnly(), string("BaseUnit", 3).readOnly()));

	private static final Parameter SUPPLYING_PLANT = new Parameter("SupplyingPlant", Type.STRING, 4);

	private static final Parameter MATERIAL = new Parameter("Material", Type.STRING, 40);

	private static final Parameter CHECKING_RULE = new Parameter("ATPCheckingRule", Type.STRING, 2);

	static final List<Service> SERVICES = List.of(
			new Service(SALES_ORDER_SRV, SALES_ORDER.withReachable(), List.of(), List.of()),
			new Service(CUSTOMER_RETURN_SRV, CUSTOMER_RETURN.withReachable(), List.of(), List.of()),
			new Service(CREDIT_MEMO_REQUEST_SRV, CREDIT_MEMO_REQUEST.withReachable(), List.of(), List.of()),
			new Service(BILLING_DOCUMENT_SRV, BILLING_DOCUMENT.withReachable(), List.of(), List.of()),
			new Service(PRODUCT_AVAILABILITY_SRV, List.of(), List.of(AVAILABILITY_RECORD), List.of(
					new FunctionImport("CalculateAvailabilityTimeseries", AVAILABILITY_RECORD.name(), true,
							List.of(CHECKING_RULE, MATERIAL, SUPPLYING_PLANT)),
					new FunctionImport("DetermineAvailabilityOf", AVAILABILITY_RECORD.name(), false,
							List.of(new Parameter("RequestedQuantityInBaseUnit", Type.DECIMAL, null), MATERIAL,
									SUPPLYING_PLANT, CHECKING_RULE)))));

	private ErpModel() {
	}

	static Optional<Service> service(String name) {
		return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
	}
}
