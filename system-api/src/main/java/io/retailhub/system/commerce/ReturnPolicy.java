package io.retailhub.system.commerce;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.ReturnReason;

/**
 * The merchant's return rules as the commerce platform states them. Categories are matched
 * case-insensitively; a category without a rule of its own gets the default window and no
 * restocking fee. Return shipping is charged per currency unless the reason is one of
 * {@code freeReturnReasons}; {@code refundShipping} says whether the original shipping charge is
 * refunded.
 */
public record ReturnPolicy(int defaultWindowDays, Map<String, Integer> windowDaysByCategory, String finalSaleTag,
		Map<String, BigDecimal> restockingFeePercentByCategory, Map<String, Money> returnShippingFeeByCurrency,
		Set<ReturnReason> freeReturnReasons, boolean refundShipping) {

	public ReturnPolicy {
		windowDaysByCategory = upperCaseKeys(windowDaysByCategory);
		restockingFeePercentByCategory = upperCaseKeys(restockingFeePercentByCategory);
		returnShippingFeeByCurrency = upperCaseKeys(returnShippingFeeByCurrency);
		freeReturnReasons = freeReturnReasons == null ? Set.of() : Set.copyOf(freeReturnReasons);
	}

	/** Days after delivery within which a line of this category may be returned. */
	public int windowDays(String category) {
		Integer days = category == null ? null : windowDaysByCategory.get(key(category));
		return days != null ? days : defaultWindowDays;
	}

	/** The restocking fee as a fraction of the refunded amount (15 % is 0.15); zero when none applies. */
	public BigDecimal restockingFeeRate(String category) {
		BigDecimal percent = category == null ? null : restockingFeePercentByCategory.get(key(category));
		return percent != null ? percent.movePointLeft(2) : BigDecimal.ZERO;
	}

	/** The fee charged for a return label in this currency, if the merchant charges one. */
	public Optional<Money> returnShippingFee(Currency currency) {
		return Optional.ofNullable(returnShippingFeeByCurrency.get(currency.getCurrencyCode()));
	}

	private static <V> Map<String, V> upperCaseKeys(Map<String, V> map) {
		if (map == null) {
			return Map.of();
		}
		Map<String, V> copy = new LinkedHashMap<>();
		map.forEach((k, v) -> {
			if (k != null && v != null) {
				copy.put(key(k), v);
			}
		});
		return Map.copyOf(copy);
	}

	private static String key(String category) {
		return category.toUpperCase(Locale.ROOT);
	}
}
