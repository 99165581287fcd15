package io.retailhub.sandbox.backends.payment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.util.MultiValueMap;

/**
 * The parameters of {@code POST /v1/refunds}, read from Stripe's form encoding with bracket
 * notation ({@code metadata[order_id]=WEB-100001}). {@code amount} is null for "whatever is left".
 */
record RefundCreation(String paymentIntent, String charge, Long amount, String reason, Map<String, String> metadata) {

	private static final Set<String> KNOWN = Set.of("payment_intent", "charge", "amount", "reason", "expand[]");

	private static final int MAX_METADATA_KEYS = 50;

	private static final int MAX_METADATA_KEY_LENGTH = 40;

	private static final int MAX_METADATA_VALUE_LENGTH = 500;

	/** Validates as Stripe does before the endpoint runs; failures are not saved under an idempotency key. */
	static RefundCreation from(MultiValueMap<String, String> params) {
		Map<String, String> metadata = new TreeMap<>();
		for (Map.Entry<String, List<String>> param : params.entrySet()) {
			String name = param.getKey();
			if (name.startsWith("metadata[") && name.endsWith("]")) {
				String key = name.substring("metadata[".length(), name.length() - 1);
				String value = single(params, name);
				if (key.isEmpty() || key.length() > MAX_METADATA_KEY_LENGTH) {
					throw StripeException.invalidParameter("parameter_invalid_string", name,
							"Metadata keys must be between 1 and " + MAX_METADATA_KEY_LENGTH + " characters long.");
				}
				if (value.length() > MAX_METADATA_VALUE_LENGTH) {
					throw StripeException.invalidParameter("parameter_invalid_string", name,
							"Metadata values can have up to " + MAX_METADATA_VALUE_LENGTH + " characters.");
				}
				// an empty value unsets a key, as in Stripe
				if (!value.isEmpty()) {
					metadata.put(key, value);
				}
			}
			else if (!KNOWN.contains(name)) {
				throw StripeException.invalidParameter("parameter_unknown", name, "Received unknown parameter: " + name);
			}
		}
		if (metadata.size() > MAX_METADATA_KEYS) {
			throw StripeException.invalidParameter("parameter_invalid_string", "metadata",
					"You can specify up to " + MAX_METADATA_KEYS + " metadata keys.");
		}
		String paymentIntent = optional(params, "payment_intent");
		String charge = optional(params, "charge");
		if (paymentIntent == null && charge == null) {
			throw StripeException.invalidParameter("parameter_missing", "payment_intent",
					"One of the following params should be provided for this request: payment_intent or charge.");
		}
		if (paymentIntent != null && charge != null) {
			throw StripeException.invalidParameter("parameter_invalid_string", "charge",
					"You can only specify one of these parameters: payment_intent, charge.");
		}
		String reason = optional(params, "reason");
		if (reason != null && !Refund.REASONS.contains(reason)) {
			throw StripeException.invalidParameter("parameter_invalid_string", "reason",
					"Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
		}
		return new RefundCreation(paymentIntent, charge, amount(params), reason, metadata);
	}

	private static Long amount(MultiValueMap<String, String> params) {
		if (!params.containsKey("amount")) {
			return null;
		}
		String raw = single(params, "amount");
		long amount;
		try {
			amount = Long.parseLong(raw);
		}
		catch (NumberFormatException ex) {
			throw StripeException.invalidParameter("parameter_invalid_integer", "amount", "Invalid integer: " + raw);
		}
		if (amount < 1) {
			throw StripeException.invalidParameter("parameter_invalid_integer", "amount",
					"This value must be greater than or equal to 1.");
		}
		return amount;
	}

	private static String optional(MultiValueMap<String, String> params, String name) {
		if (!params.containsKey(name)) {
			return null;
		}
		String value = single(params, name);
		return value.isEmpty() ? null : value;
	}

	private static String single(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		if (values == null || values.size() != 1) {
			throw StripeException.invalidParameter("parameter_invalid_string", name,
					"Invalid " + name + ": expected a single value.");
		}
		return values.get(0) == null ? "" : values.get(0);
	}
}
