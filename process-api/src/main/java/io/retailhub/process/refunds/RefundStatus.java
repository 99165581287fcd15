package io.retailhub.process.refunds;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a refund is. INTENT_CREATED: decided, idempotency key stored, nothing sent yet.
 * SUBMITTED: sent, answer pending. QUEUED: parked while the provider is unavailable. UNKNOWN: the
 * last submission got no answer; the provider is asked before anything is sent again.
 * SUCCEEDED: the provider refunded. CREDIT_MEMO_POSTED: ERP has the credit memo. COMPLETED: the
 * case is closed. MANUAL_REFUND_REQUIRED: the provider refused or retries ran out; a person
 * refunds by hand.
 */
public enum RefundStatus {

	INTENT_CREATED, SUBMITTED, QUEUED, UNKNOWN, SUCCEEDED, CREDIT_MEMO_POSTED, COMPLETED, FAILED,
	MANUAL_REFUND_REQUIRED;

	private static final Set<RefundStatus> AWAITING_PROVIDER = EnumSet.of(INTENT_CREATED, SUBMITTED, QUEUED, UNKNOWN);

	/** Not yet accepted by the provider: the submission step still has work. */
	public boolean awaitsProvider() {
		return AWAITING_PROVIDER.contains(this);
	}
}
