package io.retailhub.system.commerce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Shopify's Admin REST JSON as the adapter reads it: only the fields the hub uses, the rest
 * ignored. Money arrives as decimal strings; timestamps carry the shop's offset.
 */
final class ShopifyPayloads {

	private ShopifyPayloads() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Orders(List<ShopifyOrder> orders) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record ShopifyOrder(Long id, String name, String currency, OffsetDateTime createdAt, List<LineItem> lineItems) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record LineItem(Long id, Long productId, String sku, String title, Integer quantity, String price,
			List<Property> properties, List<DiscountAllocation> discountAllocations) {
	}

	/** A line item property recorded at checkout; values are strings. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Property(String name, String value) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record DiscountAllocation(String amount, Integer discountApplicationIndex) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Products(List<Product> products) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record Product(Long id, String productType, String tags) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnPolicyEnvelope(StoreReturnPolicy returnPolicy) {
	}

	/** The sandbox's {@code return_policy.json} (not a Shopify REST resource). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record StoreReturnPolicy(Integer defaultWindowDays, Map<String, Integer> windows, String finalSaleTag,
			Map<String, BigDecimal> restockingFeePercentage, Map<String, String> returnShippingFee,
			List<String> freeReturnReasons, Boolean refundShipping) {
	}
}
