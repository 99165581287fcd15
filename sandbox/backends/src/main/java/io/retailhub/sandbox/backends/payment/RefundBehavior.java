package io.retailhub.sandbox.backends.payment;

import java.util.Set;

/**
 * How the next refunds created at the simulated Stripe start out (set with
 * {@code PUT /admin/payment/refund-behavior} or {@link PaymentLedger#refundBehavior(RefundBehavior)}).
 * <ul>
 * <li>{@code initialStatus}: {@code succeeded} (the default), {@code pending} (settle it later
 * with {@code POST /admin/payment/refunds/{id}/settle}), {@code failed} or {@code requires_action};</li>
 * <li>{@code failureReason}: Stripe's reason for a failed refund, {@code unknown} when not given;</li>
 * <li>{@code processingDelayMs} (default 0): how long creating a refund takes after Stripe has taken the
 * idempotency key and before the refund exists, to play a provider that answers after the
 * client has given up (a retry meanwhile gets 409, a retry afterwards the saved answer).</li>
 * </ul>
 */
public record RefundBehavior(String initialStatus, String failureReason, Long processingDelayMs) {

	// declared before DEFAULT, which the constructor checks against them
	private static final Set<String> INITIAL_STATUSES = Set.of(Refund.SUCCEEDED, Refund.PENDING, Refund.FAILED,
			Refund.REQUIRES_ACTION);

	private static final long MAX_DELAY_MS = 120_000;

	/** Refunds succeed at once. */
	public static final RefundBehavior DEFAULT = new RefundBehavior(Refund.SUCCEEDED, null, 0L);

	public RefundBehavior {
		if (initialStatus == null) {
			initialStatus = Refund.SUCCEEDED;
		}
		if (!INITIAL_STATUSES.contains(initialStatus)) {
			throw new IllegalArgumentException("initialStatus must be one of " + INITIAL_STATUSES);
		}
		if (failureReason != null && !Refund.FAILURE_REASONS.contains(failureReason)) {
			throw new IllegalArgumentException("failureReason must be one of " + Refund.FAILURE_REASONS);
		}
		if (Refund.FAILED.equals(initialStatus) && failureReason == null) {
			failureReason = "unknown";
		}
		if (processingDelayMs == null) {
			processingDelayMs = 0L;
		}
		if (processingDelayMs < 0 || processingDelayMs > MAX_DELAY_MS) {
			throw new IllegalArgumentException("processingDelayMs must be between 0 and " + MAX_DELAY_MS);
		}
	}

	/** Refunds start {@code pending} and wait to be settled. */
	public static RefundBehavior pending() {
		return new RefundBehavior(Refund.PENDING, null, 0L);
	}

	/** Refunds fail at once with the given Stripe failure reason. */
	public static RefundBehavior failing(String failureReason) {
		return new RefundBehavior(Refund.FAILED, failureReason, 0L);
	}

	/** This behavior, with creation taking {@code millis} before the refund exists. */
	public RefundBehavior withProcessingDelay(long millis) {
		return new RefundBehavior(initialStatus, failureReason, millis);
	}
}
