package io.retailhub.system.payment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of Stripe's objects the adapter reads. Stripe adds fields without notice, so every
 * payload ignores what it does not name (the hub's own API refuses unknown fields, Stripe's must
 * not). Amounts are minor units, currencies lowercase ISO codes, times Unix seconds.
 */
final class StripePayloads {

	private StripePayloads() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StripePaymentIntent(String id, long amount, @JsonProperty("amount_received") long amountReceived,
			String currency, String status, @JsonProperty("latest_charge") String latestCharge,
			Map<String, String> metadata, long created) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StripeRefund(String id, long amount, String currency, String status,
			@JsonProperty("payment_intent") String paymentIntent, String charge, String reason,
			@JsonProperty("failure_reason") String failureReason, Map<String, String> metadata, long created) {

		String metadata(String key) {
			return metadata == null ? null : metadata.get(key);
		}
	}

	/** {@code GET /v1/refunds} and other list endpoints. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record StripeList<T>(List<T> data, @JsonProperty("has_more") boolean hasMore) {
	}

	/** {@code GET /v1/payment_intents/search}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record StripeSearchResult<T>(List<T> data, @JsonProperty("has_more") boolean hasMore,
			@JsonProperty("next_page") String nextPage) {
	}
}
