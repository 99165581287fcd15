package io.retailhub.sandbox.backends.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A return that happened before the hub existed: a customer return and a credit memo in ERP and a
 * refund at the payment provider. {@code quantities} maps order item number to units returned.
 */
public record DemoReturn(String reference, String orderNumber, Instant returnedAt, Map<String, Integer> quantities,
		BigDecimal refundAmount, String refundId) {
}
