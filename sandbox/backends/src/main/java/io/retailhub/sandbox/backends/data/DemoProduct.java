package io.retailhub.sandbox.backends.data;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A seeded product. {@code prices} holds the list price per currency code; {@code finalSale}
 * items are tagged {@code final-sale} by the commerce platform and cannot be returned.
 */
public record DemoProduct(String sku, String name, String category, Map<String, BigDecimal> prices,
		boolean finalSale) {

	public BigDecimal price(String currency) {
		return prices.get(currency);
	}
}
