package io.retailhub.sandbox.backends.commerce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The Shopify Admin REST wire format (API version 2025-04) for the fields the hub uses: snake_case,
 * numeric IDs, money as decimal strings, resources wrapped in their singular or plural name
 * ({@code {"order":{...}}}, {@code {"orders":[...]}}) and errors as {@code {"errors": ...}}.
 */
final class ShopifyPayloads {

	private ShopifyPayloads() {
	}

	record OrdersResponse(List<Order> orders) {
	}

	record OrderResponse(Order order) {
	}

	record ProductsResponse(List<Product> products) {
	}

	record ProductResponse(Product product) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnPolicyResponse(ReturnPolicy returnPolicy) {
	}

	/** Shopify's error envelope: a string ({@code "Not Found"}) or an object of messages by field. */
	record ErrorResponse(Object errors) {
	}

	/**
	 * An order. {@code financial_status} is paid, partially_refunded or refunded;
	 * {@code fulfillment_status} null (nothing shipped), partial or fulfilled.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record Order(long id, String name, String email, String currency, String sourceName, Instant createdAt,
			Instant processedAt, Instant updatedAt, Instant closedAt, Instant cancelledAt, String financialStatus,
			String fulfillmentStatus, String totalPrice, String subtotalPrice, String totalLineItemsPrice,
			String totalDiscounts, String totalTax, PriceSet totalShippingPriceSet, List<DiscountCode> discountCodes,
			List<DiscountApplication> discountApplications, List<LineItem> lineItems, List<ShippingLine> shippingLines,
			List<Refund> refunds) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record PriceSet(MoneyBag shopMoney, MoneyBag presentmentMoney) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record MoneyBag(String amount, String currencyCode) {
	}

	/** {@code value} is the percentage for {@code value_type} percentage. */
	@JsonNaming(SnakeCaseStrategy.class)
	record DiscountApplication(String type, String code, String value, String valueType, String allocationMethod,
			String targetSelection, String targetType) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record DiscountCode(String code, String amount, String type) {
	}

	/**
	 * A line item. {@code price} is the unit list price before discounts; {@code discount_allocations}
	 * give the line's share of each discount application (by index), for the whole line.
	 * {@code properties} carry what the storefront recorded at checkout: a final-sale item has
	 * {@code {"name":"final_sale","value":"true"}}. {@code product_type} is a sandbox convenience
	 * (real Shopify line items carry only {@code product_id}; the type lives on the product).
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record LineItem(long id, long productId, long variantId, String sku, String title, String name, int quantity,
			String price, String totalDiscount, String productType, List<Property> properties,
			List<DiscountAllocation> discountAllocations) {
	}

	record Property(String name, String value) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record DiscountAllocation(String amount, int discountApplicationIndex) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record ShippingLine(String title, String code, String price) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record Refund(long id, long orderId, Instant createdAt, Instant processedAt, String note, boolean restock,
			List<RefundLineItem> refundLineItems, List<Transaction> transactions) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record RefundLineItem(long id, long lineItemId, int quantity, String restockType, String subtotal,
			String totalTax) {
	}

	/** {@code authorization} is the payment provider's refund ID. */
	@JsonNaming(SnakeCaseStrategy.class)
	record Transaction(long id, long orderId, String kind, String gateway, String status, String amount,
			String currency, String authorization, Instant processedAt) {
	}

	/** {@code tags} is one comma-separated string, as in Shopify; final-sale products carry the policy's tag. */
	@JsonNaming(SnakeCaseStrategy.class)
	record Product(long id, String title, String handle, String vendor, String productType, String status,
			String tags, Instant createdAt, List<Variant> variants) {
	}

	/** {@code price} is in the shop currency (USD); {@code presentment_prices} in every currency sold. */
	@JsonNaming(SnakeCaseStrategy.class)
	record Variant(long id, long productId, String title, String sku, String price, int position,
			List<PresentmentPrice> presentmentPrices) {
	}

	record PresentmentPrice(MoneyBag price) {
	}

	/**
	 * Not a Shopify REST resource: the sandbox's own view of the merchant's return rules, in
	 * Shopify's vocabulary (see {@link ReturnPolicySettings}). Percentages are numbers, fees decimal
	 * strings by currency, reasons Shopify {@code ReturnReason} names.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnPolicy(int defaultWindowDays, Map<String, Integer> windows, String finalSaleTag,
			Map<String, BigDecimal> restockingFeePercentage, Map<String, String> returnShippingFee,
			List<String> freeReturnReasons, boolean refundShipping) {
	}
}
