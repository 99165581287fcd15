package io.retailhub.system.erp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.retailhub.contracts.CreditMemo;
import io.retailhub.contracts.CreditMemoId;
import io.retailhub.contracts.CreditMemoLine;
import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.ReturnAuthorization;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnAuthorizationStatus;
import io.retailhub.contracts.ReturnLine;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;
import io.retailhub.system.erp.SapDocuments.CreditMemoRequest;
import io.retailhub.system.erp.SapDocuments.CreditMemoRequestItem;
import io.retailhub.system.erp.SapDocuments.CustomerReturn;
import io.retailhub.system.erp.SapDocuments.CustomerReturnItem;
import io.retailhub.system.erp.SapDocuments.PricingElement;
import io.retailhub.system.erp.SapDocuments.ReferencingItem;
import io.retailhub.system.erp.SapDocuments.SalesOrder;
import io.retailhub.system.erp.SapDocuments.SalesOrderItem;

/**
 * SAP documents to canonical contracts. Decisions the dialect forces:
 * <ul>
 * <li>{@code placedAt}/{@code createdAt} come from {@code LastChangeDateTime}, the only timestamp
 * with a time of day, falling back to the date field (00:00 UTC); the hub changes these documents
 * only right after creating them (a credit memo request's amounts) or to cancel them, so the last
 * change is their creation or near it;</li>
 * <li>an order line's {@code unitPrice} is the list price before promotions: the rate of the
 * active list-price condition ({@code PPR0} by default) per condition quantity. When the pricing
 * elements were not expanded or carry no such condition, it falls back to
 * {@code NetAmount / quantity} rounded half up, which is the price actually paid and therefore
 * lower than the list price on promoted lines;</li>
 * <li>ERP knows what left the warehouse, not what arrived: {@code OverallDeliveryStatus} A, B, C
 * read as OPEN, PARTIALLY_SHIPPED, SHIPPED, a fully rejected order as CANCELLED; shipments and
 * payment stay empty (other backends know them);</li>
 * <li>return and credit lines carry the order line they refer to, not their own item number, so
 * quantities can be added up per order line: the referenced item ({@code ReferenceSDDocumentItem})
 * when the document references the sales order, the order item the referenced invoice item bills
 * when it references an invoice ({@link OrderLines}).</li>
 * </ul>
 */
final class SapMapping {

	private SapMapping() {
	}

	/** The order line an item of a document created with reference is about. */
	@FunctionalInterface
	interface OrderLines {

		/** For a document referencing the sales order: its items name order lines. */
		OrderLines SALES_ORDER = ReferencingItem::referenceSDDocumentItem;

		String of(ReferencingItem item);
	}

	/**
	 * Runs a mapping. A value the contracts refuse (a blank ID, an unknown currency) is a document
	 * the hub cannot read, the backend's fault, not the caller's: it fails as
	 * {@link IllegalStateException} rather than as the {@link IllegalArgumentException} that
	 * would answer the caller 400.
	 */
	static <T> T readable(Supplier<T> mapping) {
		try {
			return mapping.get();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("ERP sent a document the hub cannot read: " + ex.getMessage(), ex);
		}
	}

	static Order order(SalesOrder order, String priceConditionType) {
		String currency = order.transactionCurrency();
		List<OrderLine> lines = OData.Navigation.of(order.items())
			.stream()
			.map(item -> line(item, currency, priceConditionType))
			.toList();
		Instant placedAt = Optional.ofNullable(SapFormats.dateTime(order.lastChangeDateTime()))
			.orElseGet(() -> SapFormats.dateTime(order.salesOrderDate()));
		return new Order(OrderId.of(order.purchaseOrderByCustomer()), CustomerId.of(order.soldToParty()),
				channel(order.distributionChannel()), status(order), placedAt, money(order.totalNetAmount(), currency),
				lines, List.of(), null);
	}

	static OrderLine line(SalesOrderItem item, String headerCurrency, String priceConditionType) {
		String currency = blank(item.transactionCurrency()) ? headerCurrency : item.transactionCurrency();
		int quantity = SapFormats.pieces(item.requestedQuantity());
		Money net = money(item.netAmount(), currency);
		Money unitPrice = listPrice(item, currency, priceConditionType).orElseGet(() -> quantity == 0 ? net
				: new Money(net.amount().divide(BigDecimal.valueOf(quantity), MathContext.DECIMAL64), net.currency()));
		return new OrderLine(item.salesOrderItem(), Sku.of(item.material()), item.salesOrderItemText(), quantity,
				unitPrice, net);
	}

	static ReturnAuthorization returnAuthorization(CustomerReturn customerReturn, OrderId orderId,
			OrderLines orderLines, ReturnReasonCodes reasons) {
		List<ReturnLine> lines = OData.Navigation.of(customerReturn.items())
			.stream()
			.map(item -> returnLine(item, orderLines, reasons))
			.toList();
		return new ReturnAuthorization(ReturnAuthorizationId.of(customerReturn.customerReturn()), orderId,
				CustomerId.of(customerReturn.soldToParty()), nullIfBlank(customerReturn.purchaseOrderByCustomer()),
				returnStatus(customerReturn), createdAt(customerReturn.lastChangeDateTime(), customerReturn.creationDate()),
				money(customerReturn.totalNetAmount(), customerReturn.transactionCurrency()), lines);
	}

	static CreditMemo creditMemo(CreditMemoRequest request, OrderId orderId, OrderLines orderLines) {
		List<CreditMemoLine> lines = OData.Navigation.of(request.items())
			.stream()
			.map(item -> creditMemoLine(item, request.transactionCurrency(), orderLines))
			.toList();
		return new CreditMemo(CreditMemoId.of(request.creditMemoRequest()), orderId, CustomerId.of(request.soldToParty()),
				nullIfBlank(request.purchaseOrderByCustomer()), money(request.totalNetAmount(), request.transactionCurrency()),
				createdAt(request.lastChangeDateTime(), request.creationDate()), lines);
	}

	static SalesChannel channel(String distributionChannel) {
		return switch (distributionChannel == null ? "" : distributionChannel) {
			case "10" -> SalesChannel.WEB;
			case "20" -> SalesChannel.STORE;
			case "30" -> SalesChannel.MARKETPLACE;
			default -> throw new IllegalStateException(
					"ERP distribution channel '" + distributionChannel + "' has no sales channel in the hub");
		};
	}

	static OrderStatus status(SalesOrder order) {
		if ("C".equals(order.overallRejectionStatus())) {
			return OrderStatus.CANCELLED;
		}
		return switch (order.overallDeliveryStatus() == null ? "" : order.overallDeliveryStatus()) {
			case "B" -> OrderStatus.PARTIALLY_SHIPPED;
			case "C" -> OrderStatus.SHIPPED;
			default -> OrderStatus.OPEN;
		};
	}

	static ReturnAuthorizationStatus returnStatus(CustomerReturn customerReturn) {
		if ("C".equals(customerReturn.overallRejectionStatus())) {
			return ReturnAuthorizationStatus.REJECTED;
		}
		return switch (customerReturn.overallProcessStatus() == null ? "" : customerReturn.overallProcessStatus()) {
			case "B" -> ReturnAuthorizationStatus.IN_PROCESS;
			case "C" -> ReturnAuthorizationStatus.COMPLETED;
			default -> ReturnAuthorizationStatus.OPEN;
		};
	}

	private static Optional<Money> listPrice(SalesOrderItem item, String currency, String priceConditionType) {
		return OData.Navigation.of(item.pricingElements())
			.stream()
			.filter(p -> priceConditionType.equals(p.conditionType()) && blank(p.conditionInactiveReason()))
			.findFirst()
			.map(p -> unitRate(p, currency));
	}

	private static Money unitRate(PricingElement price, String currency) {
		BigDecimal per = blank(price.conditionQuantity()) ? BigDecimal.ONE : SapFormats.decimal(price.conditionQuantity());
		BigDecimal rate = SapFormats.decimal(price.conditionRateValue());
		if (per.signum() > 0) {
			rate = rate.divide(per, MathContext.DECIMAL64);
		}
		return Money.of(rate, blank(price.conditionCurrency()) ? currency : price.conditionCurrency());
	}

	private static ReturnLine returnLine(CustomerReturnItem item, OrderLines orderLines, ReturnReasonCodes reasons) {
		String orderLine = blank(item.referenceSDDocumentItem()) ? item.customerReturnItem() : orderLines.of(item);
		return new ReturnLine(orderLine, Sku.of(item.material()), SapFormats.pieces(item.requestedQuantity()),
				reasons.reason(item.returnReason()));
	}

	private static CreditMemoLine creditMemoLine(CreditMemoRequestItem item, String headerCurrency,
			OrderLines orderLines) {
		String orderLine = blank(item.referenceSDDocumentItem()) ? item.creditMemoRequestItem() : orderLines.of(item);
		String currency = blank(item.transactionCurrency()) ? headerCurrency : item.transactionCurrency();
		return new CreditMemoLine(orderLine, Sku.of(item.material()), SapFormats.pieces(item.requestedQuantity()),
				money(item.netAmount(), currency));
	}

	private static Instant createdAt(String lastChangeDateTime, String creationDate) {
		Instant lastChange = SapFormats.dateTime(lastChangeDateTime);
		return lastChange != null ? lastChange : SapFormats.dateTime(creationDate);
	}

	private static Money money(String amount, String currency) {
		return Money.of(SapFormats.decimal(amount), currency);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String nullIfBlank(String value) {
		return blank(value) ? null : value;
	}
}
