package io.retailhub.sandbox.backends.commerce;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The store's return rules as the merchant configured them ({@code sandbox.commerce.return-policy.*}).
 * Windows and restocking fees are by product type (the demo categories); shipping fees by currency.
 * Anything not configured takes the defaults below.
 */
@ConfigurationProperties("sandbox.commerce.return-policy")
@Validated
record ReturnPolicySettings(@DefaultValue("30") @Min(0) int defaultWindowDays, Map<String, Integer> windows,
		@DefaultValue("final-sale") String finalSaleTag, Map<String, BigDecimal> restockingFeePercentage,
		Map<String, BigDecimal> returnShippingFee, List<String> freeReturnReasons,
		@DefaultValue("false") boolean refundShipping) {

	ReturnPolicySettings {
		windows = sorted(windows != null ? windows
				: Map.of("APPAREL", 30, "FOOTWEAR", 30, "HOME", 30, "ELECTRONICS", 14, "BEAUTY", 14));
		restockingFeePercentage = sorted(restockingFeePercentage != null ? restockingFeePercentage
				: Map.of("ELECTRONICS", new BigDecimal("15.0")));
		returnShippingFee = sorted(returnShippingFee != null ? returnShippingFee
				: Map.of("USD", new BigDecimal("6.95"), "EUR", new BigDecimal("4.95")));
		freeReturnReasons = List.copyOf(freeReturnReasons != null ? freeReturnReasons
				: List.of("DEFECTIVE", "DAMAGED", "WRONG_ITEM", "NOT_AS_DESCRIBED"));
	}

	private static <V> Map<String, V> sorted(Map<String, V> map) {
		return Collections.unmodifiableMap(new TreeMap<>(map));
	}
}
