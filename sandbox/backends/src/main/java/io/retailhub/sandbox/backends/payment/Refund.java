package io.retailhub.sandbox.backends.payment;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Stripe Refund as the sandbox keeps it; immutable, replaced as its status moves on.
 * {@code sequence} orders refunds created in the same second (lists are newest first).
 */
record Refund(String id, long sequence, String paymentIntent, String charge, long amount, String currency,
		String status, String reason, String failureReason, Map<String, String> metadata, long created,
		String balanceTransaction, String failureBalanceTransaction) {

	static final String PENDING = "pending";

	static final String REQUIRES_ACTION = "requires_action";

	static final String SUCCEEDED = "succeeded";

	static final String FAILED = "failed";

	static final String CANCELED = "canceled";

	static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

	static final Set<String> FAILURE_REASONS = Set.of("lost_or_stolen_card", "expired_or_canceled_card",
			"charge_for_pending_refund_disputed", "insufficient_funds", "declined", "merchant_request", "unknown");

	Refund {
		metadata = Map.copyOf(metadata);
	}

	/**
	 * Whether this refund holds part of the captured amount: a pending or action-requiring refund
	 * may still succeed, so it counts against what is left to refund, as a succeeded one does.
	 */
	boolean holdsAmount() {
		return PENDING.equals(status) || REQUIRES_ACTION.equals(status) || SUCCEEDED.equals(status);
	}

	Refund moveTo(String newStatus, String newFailureReason) {
		boolean failed = FAILED.equals(newStatus);
		return new Refund(id, sequence, paymentIntent, charge, amount, currency, newStatus, reason,
				failed ? newFailureReason : null, metadata, created, balanceTransaction,
				failed ? StripeIds.next("txn_", 24) : null);
	}

	/** The wire object, keys sorted as Stripe sorts them. */
	Map<String, Object> json() {
		Map<String, Object> json = new TreeMap<>();
		json.put("id", id);
		json.put("object", "refund");
		json.put("amount", amount);
		json.put("balance_transaction", balanceTransaction);
		json.put("charge", charge);
		json.put("created", created);
		json.put("currency", currency);
		json.put("destination_details", null);
		json.put("failure_balance_transaction", failureBalanceTransaction);
		json.put("failure_reason", failureReason);
		json.put("instructions_email", null);
		json.put("metadata", new TreeMap<>(metadata));
		json.put("next_action", null);
		json.put("payment_intent", paymentIntent);
		json.put("reason", reason);
		json.put("receipt_number", null);
		json.put("source_transfer_reversal", null);
		json.put("status", status);
		json.put("transfer_reversal", null);
		return json;
	}
}
