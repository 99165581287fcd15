package io.retailhub.system.erp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The SAP documents as the A2X APIs send and take them, reduced to the fields the hub maps.
 * Dates stay SAP text ({@code /Date(ms)/}) and decimals stay strings until {@link SapFormats}
 * reads them, so a surprising value fails loudly in one place. Create payloads leave out what is
 * null: SAP computes the read-only fields and must not be sent them.
 */
final class SapDocuments {

	private SapDocuments() {
	}

	/**
	 * A document created with reference to another: the sales order (category C) or one of its
	 * invoices (category M); each item names an item of it (its own reference document when the
	 * item says one, the header's otherwise).
	 */
	interface ReferencingDocument {

		String referenceSDDocument();

		String referenceSDDocumentCategory();

		List<? extends ReferencingItem> referencingItems();
	}

	interface ReferencingItem {

		String referenceSDDocument();

		String referenceSDDocumentItem();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SalesOrder(@JsonProperty("SalesOrder") String salesOrder,
			@JsonProperty("SalesOrganization") String salesOrganization,
			@JsonProperty("DistributionChannel") String distributionChannel,
			@JsonProperty("OrganizationDivision") String organizationDivision,
			@JsonProperty("SoldToParty") String soldToParty,
			@JsonProperty("PurchaseOrderByCustomer") String purchaseOrderByCustomer,
			@JsonProperty("SalesOrderDate") String salesOrderDate,
			@JsonProperty("LastChangeDateTime") String lastChangeDateTime,
			@JsonProperty("TotalNetAmount") String totalNetAmount,
			@JsonProperty("TransactionCurrency") String transactionCurrency,
			@JsonProperty("OverallDeliveryStatus") String overallDeliveryStatus,
			@JsonProperty("OverallSDDocumentRejectionSts") String overallRejectionStatus,
			@JsonProperty("to_Item") OData.Navigation<SalesOrderItem> items) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SalesOrderItem(@JsonProperty("SalesOrderItem") String salesOrderItem,
			@JsonProperty("Material") String material,
			@JsonProperty("SalesOrderItemText") String salesOrderItemText,
			@JsonProperty("RequestedQuantity") String requestedQuantity,
			@JsonProperty("NetAmount") String netAmount,
			@JsonProperty("TransactionCurrency") String transactionCurrency,
			@JsonProperty("to_PricingElement") OData.Navigation<PricingElement> pricingElements) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PricingElement(@JsonProperty("PricingProcedureStep") String pricingProcedureStep,
			@JsonProperty("PricingProcedureCounter") String pricingProcedureCounter,
			@JsonProperty("ConditionType") String conditionType,
			@JsonProperty("ConditionRateValue") String conditionRateValue,
			@JsonProperty("ConditionCurrency") String conditionCurrency,
			@JsonProperty("ConditionQuantity") String conditionQuantity,
			@JsonProperty("ConditionInactiveReason") String conditionInactiveReason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CustomerReturn(@JsonProperty("CustomerReturn") String customerReturn,
			@JsonProperty("SoldToParty") String soldToParty,
			@JsonProperty("PurchaseOrderByCustomer") String purchaseOrderByCustomer,
			@JsonProperty("CreationDate") String creationDate,
			@JsonProperty("LastChangeDateTime") String lastChangeDateTime,
			@JsonProperty("TotalNetAmount") String totalNetAmount,
			@JsonProperty("TransactionCurrency") String transactionCurrency,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("ReferenceSDDocumentCategory") String referenceSDDocumentCategory,
			@JsonProperty("OverallSDProcessStatus") String overallProcessStatus,
			@JsonProperty("OverallSDDocumentRejectionSts") String overallRejectionStatus,
			@JsonProperty("to_Item") OData.Navigation<CustomerReturnItem> items) implements ReferencingDocument {

		@Override
		public List<CustomerReturnItem> referencingItems() {
			return OData.Navigation.of(items);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CustomerReturnItem(@JsonProperty("CustomerReturnItem") String customerReturnItem,
			@JsonProperty("Material") String material,
			@JsonProperty("RequestedQuantity") String requestedQuantity,
			@JsonProperty("ReturnReason") String returnReason,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("ReferenceSDDocumentItem") String referenceSDDocumentItem,
			@JsonProperty("SalesDocumentRjcnReason") String rejectionReason,
			@JsonProperty("ReturnsMaterialHasBeenReceived") String materialReceived) implements ReferencingItem {

		/** Whether the item carries a reason for rejection. */
		boolean rejected() {
			return rejectionReason != null && !rejectionReason.isBlank();
		}

		/** Whether the warehouse posted a goods receipt for the item. */
		boolean received() {
			return materialReceived != null && !materialReceived.isBlank();
		}
	}

	/** A MERGE of a customer return item: only the reason for rejection. */
	record CustomerReturnItemRejection(@JsonProperty("SalesDocumentRjcnReason") String rejectionReason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreditMemoRequest(@JsonProperty("CreditMemoRequest") String creditMemoRequest,
			@JsonProperty("SoldToParty") String soldToParty,
			@JsonProperty("PurchaseOrderByCustomer") String purchaseOrderByCustomer,
			@JsonProperty("CreationDate") String creationDate,
			@JsonProperty("LastChangeDateTime") String lastChangeDateTime,
			@JsonProperty("TotalNetAmount") String totalNetAmount,
			@JsonProperty("TransactionCurrency") String transactionCurrency,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("ReferenceSDDocumentCategory") String referenceSDDocumentCategory,
			@JsonProperty("to_Item") OData.Navigation<CreditMemoRequestItem> items) implements ReferencingDocument {

		@Override
		public List<CreditMemoRequestItem> referencingItems() {
			return OData.Navigation.of(items);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreditMemoRequestItem(@JsonProperty("CreditMemoRequestItem") String creditMemoRequestItem,
			@JsonProperty("Material") String material,
			@JsonProperty("RequestedQuantity") String requestedQuantity,
			@JsonProperty("NetAmount") String netAmount,
			@JsonProperty("TransactionCurrency") String transactionCurrency,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("ReferenceSDDocumentItem") String referenceSDDocumentItem,
			@JsonProperty("to_PricingElement") OData.Navigation<PricingElement> pricingElements)
			implements ReferencingItem {
	}

	/** An invoice item ({@code API_BILLING_DOCUMENT_SRV}) and the sales order item it bills. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record BillingDocumentItem(@JsonProperty("BillingDocument") String billingDocument,
			@JsonProperty("BillingDocumentItem") String billingDocumentItem,
			@JsonProperty("SalesDocument") String salesDocument,
			@JsonProperty("SalesDocumentItem") String salesDocumentItem) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AvailabilityRecord(@JsonProperty("PeriodStartUTCDateTime") String periodStart,
			@JsonProperty("PeriodEndUTCDateTime") String periodEnd,
			@JsonProperty("AvailableQuantityInBaseUnit") String availableQuantity,
			@JsonProperty("BaseUnit") String baseUnit) {
	}

	/** Deep insert of a customer return; navigation as {@code {"results": [...]}}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NewCustomerReturn(@JsonProperty("CustomerReturnType") String customerReturnType,
			@JsonProperty("SalesOrganization") String salesOrganization,
			@JsonProperty("DistributionChannel") String distributionChannel,
			@JsonProperty("OrganizationDivision") String organizationDivision,
			@JsonProperty("SoldToParty") String soldToParty,
			@JsonProperty("PurchaseOrderByCustomer") String purchaseOrderByCustomer,
			@JsonProperty("SDDocumentReason") String sdDocumentReason,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("to_Item") OData.Navigation<NewCustomerReturnItem> items) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NewCustomerReturnItem(@JsonProperty("Material") String material,
			@JsonProperty("RequestedQuantity") String requestedQuantity,
			@JsonProperty("RequestedQuantityUnit") String requestedQuantityUnit,
			@JsonProperty("ReturnReason") String returnReason,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("ReferenceSDDocumentItem") String referenceSDDocumentItem) {
	}

	/**
	 * Deep insert of a credit memo request. It states no amounts: {@code NetAmount} is read-only
	 * ({@code sap:creatable="false"}) and ERP prices the items itself; the credited amount is set
	 * afterwards on each item's price condition ({@link PriceChange}).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NewCreditMemoRequest(@JsonProperty("CreditMemoRequestType") String creditMemoRequestType,
			@JsonProperty("SalesOrganization") String salesOrganization,
			@JsonProperty("DistributionChannel") String distributionChannel,
			@JsonProperty("OrganizationDivision") String organizationDivision,
			@JsonProperty("SoldToParty") String soldToParty,
			@JsonProperty("PurchaseOrderByCustomer") String purchaseOrderByCustomer,
			@JsonProperty("SDDocumentReason") String sdDocumentReason,
			@JsonProperty("TransactionCurrency") String transactionCurrency,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("to_Item") OData.Navigation<NewCreditMemoRequestItem> items) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NewCreditMemoRequestItem(@JsonProperty("Material") String material,
			@JsonProperty("RequestedQuantity") String requestedQuantity,
			@JsonProperty("RequestedQuantityUnit") String requestedQuantityUnit,
			@JsonProperty("ReferenceSDDocument") String referenceSDDocument,
			@JsonProperty("ReferenceSDDocumentItem") String referenceSDDocumentItem) {
	}

	/**
	 * A MERGE of an item's price condition: {@code rate} for {@code quantity} pieces, so that the
	 * condition's value, rate x quantity / pricing unit, is the rate itself, to the cent.
	 */
	record PriceChange(@JsonProperty("ConditionRateValue") String rate,
			@JsonProperty("ConditionQuantity") String quantity,
			@JsonProperty("ConditionQuantityUnit") String quantityUnit) {
	}
}
