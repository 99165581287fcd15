package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks SAP makes when a follow-up document (customer return, credit memo request) is created
 * with reference: the referenced document exists, the sales area, sold-to party and currency agree
 * with its sales order, and each item points at an item of it with the same material. A document
 * references either the sales order itself (category C) or one of the order's invoices (category
 * M, as SAP's sample payloads for customer returns do); its items then name invoice items, each
 * billing one sales order item. Items may name another invoice of the same order than the header
 * does (a return of two parcels billed separately).
 */
final class SalesOrderReference {

	static final String SALES_ORDER = "C";

	private SalesOrderReference() {
	}

	/** What a header references: {@code document} of {@code category}, belonging to {@code order}. */
	record Header(String document, String category, SalesOrder order) {

		static Header of(SalesOrder order) {
			return new Header(order.salesOrder(), SALES_ORDER, order);
		}

		static Header of(BillingDocument invoice) {
			return new Header(invoice.number(), BillingDocument.CATEGORY, invoice.order());
		}

		boolean invoice() {
			return category.equals(BillingDocument.CATEGORY);
		}
	}

	/**
	 * What an item references: {@code item} of {@code document}, which is (or bills) the sales order
	 * item {@code orderItem}; {@code quantity} is what that item ordered or billed.
	 */
	record Item(String document, String category, String item, SalesOrderItem orderItem, int quantity) {

		static Item of(SalesOrderItem orderItem) {
			return new Item(orderItem.salesOrder(), SALES_ORDER, orderItem.item(), orderItem, orderItem.quantity());
		}

		static Item of(BillingDocument invoice, BillingDocument.Item billed) {
			return new Item(invoice.number(), BillingDocument.CATEGORY, billed.item(), billed.reference(),
					billed.quantity());
		}
	}

	/** The referenced document, with the header fields the caller sent checked against its order. */
	static Header header(DeepInsert header, SalesOrders salesOrders, BillingDocuments invoices) {
		String reference = header.required("ReferenceSDDocument");
		Header referenced = salesOrders.find(reference)
			.map(Header::of)
			.or(() -> invoices.find(reference).map(Header::of))
			.orElseThrow(() -> ODataException.invalid("V1/302",
					"SD document " + reference + " is not in the database or has been archived", "ReferenceSDDocument"));
		SalesOrder order = referenced.order();
		String soldTo = header.required("SoldToParty");
		if (!soldTo.equals(order.soldToParty())) {
			throw ODataException.invalid("V1/203",
					"Sold-to party " + soldTo + " differs from sold-to party " + order.soldToParty()
							+ " of reference document " + reference,
					"SoldToParty");
		}
		same(header, "SalesOrganization", order.salesOrganization(), reference);
		same(header, "DistributionChannel", order.distributionChannel(), reference);
		same(header, "OrganizationDivision", "00", reference);
		same(header, "TransactionCurrency", order.currency(), reference);
		return referenced;
	}

	/** The referenced item of one document item: of the header's document, or of another invoice of its order. */
	static Item item(DeepInsert item, Header header, BillingDocuments invoices) {
		String given = item.value("ReferenceSDDocument");
		String document = given.isEmpty() ? header.document() : given;
		String itemNumber = item.required("ReferenceSDDocumentItem");
		Item referenced;
		if (!header.invoice()) {
			if (!document.equals(header.document())) {
				throw ODataException.invalid("V1/204",
						"Item reference " + document + " differs from header reference " + header.document(),
						"ReferenceSDDocument");
			}
			referenced = header.order()
				.item(itemNumber)
				.map(Item::of)
				.orElseThrow(() -> noSuchItem(itemNumber, document));
		}
		else {
			BillingDocument invoice = invoices.find(document)
				.filter(i -> i.order().salesOrder().equals(header.order().salesOrder()))
				.orElseThrow(() -> ODataException.invalid("V1/204", "Item reference " + document
						+ " is not an invoice of sales order " + header.order().salesOrder(), "ReferenceSDDocument"));
			referenced = invoice.item(itemNumber)
				.map(billed -> Item.of(invoice, billed))
				.orElseThrow(() -> noSuchItem(itemNumber, document));
		}
		SalesOrderItem orderItem = referenced.orderItem();
		String material = item.value("Material");
		if (!material.isEmpty() && !material.equals(orderItem.material())) {
			throw ODataException.invalid("V1/205", "Material " + material + " differs from material "
					+ orderItem.material() + " of reference item " + itemNumber, "Material");
		}
		String unit = item.value("RequestedQuantityUnit");
		if (!unit.isEmpty() && !unit.equals("PC")) {
			throw ODataException.invalid("V1/206", "Unit " + unit + " is not allowed for material "
					+ orderItem.material() + "; use PC", "RequestedQuantityUnit");
		}
		return referenced;
	}

	/** The header reference a saved document recorded: the sales order or one of its invoices. */
	static Header header(String document, String category, SalesOrders salesOrders, BillingDocuments invoices) {
		return category.equals(SALES_ORDER) ? Header.of(salesOrders.find(document).orElseThrow(() -> unknown(document)))
				: Header.of(invoices.find(document).orElseThrow(() -> unknown(document)));
	}

	/** The item reference a saved document recorded: a sales order item, or an invoice item billing one. */
	static Item item(String document, String category, String item, SalesOrders salesOrders,
			BillingDocuments invoices) {
		if (category.equals(SALES_ORDER)) {
			return Item.of(salesOrders.find(document)
				.flatMap(order -> order.item(item))
				.orElseThrow(() -> unknown(document + "/" + item)));
		}
		BillingDocument invoice = invoices.find(document).orElseThrow(() -> unknown(document));
		return Item.of(invoice, invoice.item(item).orElseThrow(() -> unknown(document + "/" + item)));
	}

	private static IllegalStateException unknown(String document) {
		return new IllegalStateException("saved state references " + document + ", which the seeded world lacks");
	}

	/** The documents a follow-up document references, for an index: its header's, then its items' others. */
	static List<String> documents(Header header, List<Item> items) {
		return Stream.concat(Stream.of(header.document()), items.stream().map(Item::document)).distinct().toList();
	}

	/** The item's net amount pro rata for a quantity, rounded half up to the currency's decimals. */
	static BigDecimal share(SalesOrderItem item, int quantity) {
		return item.netAmount()
			.multiply(BigDecimal.valueOf(quantity))
			.divide(BigDecimal.valueOf(item.quantity()), item.netAmount().scale(), RoundingMode.HALF_UP);
	}

	private static ODataException noSuchItem(String itemNumber, String document) {
		return ODataException.invalid("V1/080", "Item " + itemNumber + " does not exist in reference document "
				+ document, "ReferenceSDDocumentItem");
	}

	private static void same(DeepInsert header, String field, String expected, String reference) {
		String sent = header.value(field);
		if (!sent.isEmpty() && !sent.equals(expected)) {
			throw ODataException.invalid("V1/207", field + " " + sent + " differs from " + expected
					+ " of reference document " + reference, field);
		}
	}
}
