package io.retailhub.sandbox.backends.payment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Stripe PaymentIntent as the sandbox keeps it. {@code amount} is in minor units, {@code currency}
 * lowercase. Only {@code succeeded} intents have money to refund; {@code requires_capture} ones are
 * authorized and not yet captured.
 */
record PaymentIntent(String id, long amount, String currency, String status, String latestCharge, String customer,
		Map<String, String> metadata, long created, String description) {

	static final String SUCCEEDED = "succeeded";

	static final String REQUIRES_CAPTURE = "requires_capture";

	PaymentIntent {
		metadata = Map.copyOf(metadata);
	}

	long amountReceived() {
		return SUCCEEDED.equals(status) ? amount : 0;
	}

	/** The wire object, keys sorted as Stripe sorts them. */
	Map<String, Object> json() {
		Map<String, Object> json = new TreeMap<>();
		json.put("id", id);
		json.put("object", "payment_intent");
		json.put("amount", amount);
		json.put("amount_capturable", REQUIRES_CAPTURE.equals(status) ? amount : 0);
		json.put("amount_received", amountReceived());
		json.put("capture_method", REQUIRES_CAPTURE.equals(status) ? "manual" : "automatic");
		json.put("created", created);
		json.put("currency", currency);
		json.put("customer", customer);
		json.put("description", description);
		json.put("latest_charge", latestCharge);
		json.put("livemode", false);
		json.put("metadata", new TreeMap<>(metadata));
		json.put("payment_method_types", List.of("card"));
		json.put("status", status);
		return json;
	}
}
