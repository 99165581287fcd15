package io.retailhub.sandbox.backends.payment;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.retailhub.sandbox.backends.admin.RecordedEffects;
import io.retailhub.sandbox.backends.faults.Backend;

import org.springframework.stereotype.Component;

/**
 * What the simulated Stripe account has done since it started, for tests and people proving that
 * nothing happened twice:
 * <ul>
 * <li>{@value #REFUNDS_CREATED}: refunds created through the API (the seeded ones do not count);</li>
 * <li>{@value #REFUNDS_REPLAYED}: refund requests answered from a saved idempotent response;</li>
 * <li>{@value #IDEMPOTENCY_CONFLICTS}: requests refused because their idempotency key was in use
 * with other parameters, on another endpoint, or by a request still running;</li>
 * <li>{@value #REFUNDS_CANCELED}, {@value #REFUNDS_SETTLED} and {@value #RATE_LIMITED}.</li>
 * </ul>
 */
@Component
public class PaymentEffects implements RecordedEffects {

	public static final String REFUNDS_CREATED = "refunds.created";

	public static final String REFUNDS_REPLAYED = "refunds.replayed";

	public static final String IDEMPOTENCY_CONFLICTS = "idempotency.conflicts";

	public static final String REFUNDS_CANCELED = "refunds.canceled";

	public static final String REFUNDS_SETTLED = "refunds.settled";

	public static final String RATE_LIMITED = "requests.rate_limited";

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final PaymentLedger ledger;

	PaymentEffects(PaymentLedger ledger) {
		this.ledger = ledger;
		for (String effect : new String[] { REFUNDS_CREATED, REFUNDS_REPLAYED, IDEMPOTENCY_CONFLICTS, REFUNDS_CANCELED,
				REFUNDS_SETTLED, RATE_LIMITED }) {
			counts.put(effect, new LongAdder());
		}
	}

	void record(String effect) {
		counts.computeIfAbsent(effect, k -> new LongAdder()).increment();
	}

	@Override
	public String backend() {
		return Backend.PAYMENT.id();
	}

	@Override
	public Map<String, Long> counts() {
		Map<String, Long> snapshot = new TreeMap<>();
		counts.forEach((effect, count) -> snapshot.put(effect, count.sum()));
		return snapshot;
	}

	/** One effect's count; zero when it never happened. */
	public long count(String effect) {
		LongAdder count = counts.get(effect);
		return count == null ? 0 : count.sum();
	}

	/** What has been refunded on a PaymentIntent so far, in minor units (pending, requires_action and succeeded refunds). */
	public long refundedMinorUnits(String paymentIntentId) {
		return ledger.refundedMinorUnits(paymentIntentId);
	}

	/** How many refunds a PaymentIntent has, seeded ones included, whatever their status. */
	public int refundCount(String paymentIntentId) {
		return ledger.refundCount(paymentIntentId);
	}
}
