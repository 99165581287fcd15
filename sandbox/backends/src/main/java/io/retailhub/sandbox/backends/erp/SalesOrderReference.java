package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The checks SAP makes when a follow-up document (customer return, credit memo request) is created
 * with reference to a sales order: the order exists, the sales area, sold-to party and currency
 * agree with it, and each item points at an item of that order with the same material.
 */
final class SalesOrderReference {

	private SalesOrderReference() {
	}

	/** The referenced order, with the header fields the caller sent checked against it. */
	static SalesOrder header(DeepInsert header, SalesOrders salesOrders) {
		String reference = header.required("ReferenceSDDocument");
		SalesOrder order = salesOrders.find(reference)
			.orElseThrow(() -> ODataException.invalid("V1/302",
					"SD document " + reference + " is not in the database or has been archived", "ReferenceSDDocument"));
		String soldTo = header.required("SoldToParty");
		if (!soldTo.equals(order.soldToParty())) {
			throw ODataException.invalid("V1/203",
					"Sold-to party " + soldTo + " differs from sold-to party " + order.soldToParty()
							+ " of reference document " + order.salesOrder(),
					"SoldToParty");
		}
		same(header, "SalesOrganization", order.salesOrganization(), order);
		same(header, "DistributionChannel", order.distributionChannel(), order);
		same(header, "OrganizationDivision", "00", order);
		same(header, "TransactionCurrency", order.currency(), order);
		return order;
	}

	/** The referenced order item of one document item. */
	static SalesOrderItem item(DeepInsert item, SalesOrder order) {
		String document = item.value("ReferenceSDDocument");
		if (!document.isEmpty() && !document.equals(order.salesOrder())) {
			throw ODataException.invalid("V1/204",
					"Item reference " + document + " differs from header reference " + order.salesOrder(),
					"ReferenceSDDocument");
		}
		String itemNumber = item.required("ReferenceSDDocumentItem");
		SalesOrderItem reference = order.item(itemNumber)
			.orElseThrow(() -> ODataException.invalid("V1/080",
					"Item " + itemNumber + " does not exist in reference document " + order.salesOrder(),
					"ReferenceSDDocumentItem"));
		String material = item.value("Material");
		if (!material.isEmpty() && !material.equals(reference.material())) {
			throw ODataException.invalid("V1/205", "Material " + material + " differs from material "
					+ reference.material() + " of reference item " + itemNumber, "Material");
		}
		String unit = item.value("RequestedQuantityUnit");
		if (!unit.isEmpty() && !unit.equals("PC")) {
			throw ODataException.invalid("V1/206", "Unit " + unit + " is not allowed for material "
					+ reference.material() + "; use PC", "RequestedQuantityUnit");
		}
		return reference;
	}

	/** The item's net amount pro rata for a quantity, rounded half up to the currency's decimals. */
	static BigDecimal share(SalesOrderItem item, int quantity) {
		return item.netAmount()
			.multiply(BigDecimal.valueOf(quantity))
			.divide(BigDecimal.valueOf(item.quantity()), item.netAmount().scale(), RoundingMode.HALF_UP);
	}

	private static void same(DeepInsert header, String field, String expected, SalesOrder order) {
		String sent = header.value(field);
		if (!sent.isEmpty() && !sent.equals(expected)) {
			throw ODataException.invalid("V1/207", field + " " + sent + " differs from " + expected
					+ " of reference document " + order.salesOrder(), field);
		}
	}
}
