package io.retailhub.sandbox.backends.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoReturn;
import io.retailhub.sandbox.backends.state.SandboxState;

import org.springframework.stereotype.Component;

/**
 * The simulated Stripe account: a PaymentIntent per demo order (id {@code DemoOrder.paymentIntentId},
 * {@code metadata[order_id]} = order number) and a succeeded refund per demo return, then whatever
 * the hub creates. Orders not shipped yet are authorized only ({@code requires_capture}, manual
 * capture at shipment, as retailers commonly do); every other order is {@code succeeded}.
 *
 * <p>Thread-safe: every change happens under this object's lock, so two concurrent refunds of one
 * payment can never together exceed what was captured. Reads see a consistent snapshot. Every
 * change runs as a change of the {@link SandboxState}, which may keep the refunds across restarts.
 *
 * <p>Searches by metadata (how the hub finds an order's payment) look the intents up by index,
 * refunds are kept per intent, and charges map to their intent: no request scans the account.
 */
@Component
public class PaymentLedger {

	static final Comparator<Refund> NEWEST_FIRST = Comparator.comparingLong(Refund::created)
		.thenComparingLong(Refund::sequence)
		.reversed();

	private final Clock clock;

	private final SandboxState state;

	private final Map<String, PaymentIntent> intents = new HashMap<>();

	private final Map<String, String> intentByCharge = new HashMap<>();

	/** Metadata key, then value, then the intents carrying it. */
	private final Map<String, Map<String, List<PaymentIntent>>> intentsByMetadata = new HashMap<>();

	private final Map<String, Refund> refunds = new HashMap<>();

	private final Map<String, List<String>> refundsByIntent = new HashMap<>();

	private long sequence;

	private volatile RefundBehavior behavior = RefundBehavior.DEFAULT;

	PaymentLedger(DemoData data, Clock clock, SandboxState state) {
		this.clock = clock;
		this.state = state;
		for (DemoOrder order : data.orders()) {
			String currency = order.currency().toLowerCase(Locale.ROOT);
			String status = order.shipments().isEmpty() ? PaymentIntent.REQUIRES_CAPTURE : PaymentIntent.SUCCEEDED;
			PaymentIntent intent = new PaymentIntent(order.paymentIntentId(), minorUnits(order.total(), currency),
					currency, status, order.chargeId(), data.customer(order.customerNumber()).paymentCustomerId(),
					Map.of("order_id", order.orderNumber()), order.placedAt().getEpochSecond(),
					"Order " + order.orderNumber());
			add(intent);
			for (DemoReturn demoReturn : order.returns()) {
				store(new Refund(demoReturn.refundId(), ++sequence, intent.id(), intent.latestCharge(),
						minorUnits(demoReturn.refundAmount(), currency), currency, Refund.SUCCEEDED,
						"requested_by_customer", null,
						Map.of("order_id", order.orderNumber(), "reference", demoReturn.reference()),
						demoReturn.returnedAt().getEpochSecond(), StripeIds.next("txn_", 24), null));
			}
		}
	}

	private static long minorUnits(BigDecimal amount, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
		return amount.movePointRight(digits).longValueExact();
	}

	synchronized Optional<PaymentIntent> intent(String id) {
		return Optional.ofNullable(intents.get(id));
	}

	/** Intents matching a search, newest first; a metadata clause narrows them through its index. */
	synchronized List<PaymentIntent> intents(SearchQuery.Search search) {
		Collection<PaymentIntent> candidates = intents.values();
		for (SearchQuery.Clause clause : search.metadata()) {
			List<PaymentIntent> carrying = intentsByMetadata.getOrDefault(clause.metadataKey(), Map.of())
				.getOrDefault(clause.value(), List.of());
			if (carrying.size() < candidates.size()) {
				candidates = carrying;
			}
		}
		return candidates.stream()
			.filter(search)
			.sorted(Comparator.comparingLong(PaymentIntent::created).thenComparing(PaymentIntent::id).reversed())
			.toList();
	}

	synchronized Optional<Refund> refund(String id) {
		return Optional.ofNullable(refunds.get(id));
	}

	/** Refunds of one intent (or of all, when null), newest first. */
	synchronized List<Refund> refunds(String paymentIntentId) {
		List<Refund> found = new ArrayList<>();
		if (paymentIntentId == null) {
			found.addAll(refunds.values());
		}
		else {
			refundsByIntent.getOrDefault(paymentIntentId, List.of()).forEach(id -> found.add(refunds.get(id)));
		}
		found.sort(NEWEST_FIRST);
		return found;
	}

	/** The intent a charge belongs to, for {@code charge=ch_...} parameters. */
	synchronized Optional<PaymentIntent> intentOfCharge(String chargeId) {
		return Optional.ofNullable(intentByCharge.get(chargeId)).map(intents::get);
	}

	/**
	 * Refunds part or all of a captured payment. The amount defaults to what is left; pending,
	 * action-requiring and succeeded refunds all count as taken.
	 * @throws StripeException for an unknown intent or charge, an uncaptured payment, or too large an amount
	 */
	Refund create(RefundCreation creation) {
		PaymentIntent intent = creation.paymentIntent() != null
				? intent(creation.paymentIntent()).orElseThrow(() -> StripeException.notFound("payment_intent",
						"No such payment_intent: '" + creation.paymentIntent() + "'"))
				: intentOfCharge(creation.charge()).orElseThrow(
						() -> StripeException.notFound("charge", "No such charge: '" + creation.charge() + "'"));
		RefundBehavior current = behavior;
		processing(current.processingDelayMs());
		return state.change(() -> doCreate(intent, creation, current));
	}

	private synchronized Refund doCreate(PaymentIntent intent, RefundCreation creation, RefundBehavior current) {
		if (!PaymentIntent.SUCCEEDED.equals(intent.status())) {
			throw StripeException.refused("payment_intent_unexpected_state", "payment_intent",
					"This PaymentIntent (" + intent.id() + ") has a status of " + intent.status()
							+ " and has no captured charge to refund; cancel it instead.");
		}
		long left = intent.amountReceived() - held(intent.id());
		if (left <= 0) {
			throw StripeException.refused("charge_already_refunded", null,
					"Charge " + intent.latestCharge() + " has already been refunded.");
		}
		long amount = creation.amount() != null ? creation.amount() : left;
		if (amount > left) {
			throw StripeException.refused("amount_too_large", "amount",
					"Refund amount (" + display(amount, intent.currency()) + ") is greater than unrefunded amount on charge ("
							+ display(left, intent.currency()) + ")");
		}
		String id;
		do {
			id = StripeIds.next("re_", 24);
		}
		while (refunds.containsKey(id));
		boolean failed = Refund.FAILED.equals(current.initialStatus());
		Refund refund = new Refund(id, ++sequence, intent.id(), intent.latestCharge(), amount, intent.currency(),
				current.initialStatus(), creation.reason(), failed ? current.failureReason() : null,
				creation.metadata(), clock.instant().getEpochSecond(), StripeIds.next("txn_", 24),
				failed ? StripeIds.next("txn_", 24) : null);
		store(refund);
		return refund;
	}

	private static void processing(long delayMs) {
		if (delayMs <= 0) {
			return;
		}
		try {
			TimeUnit.MILLISECONDS.sleep(delayMs);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Cancels a refund that waits for customer action, the only state Stripe lets you cancel.
	 * @throws StripeException for an unknown refund or one in another state
	 */
	Refund cancel(String refundId) {
		return state.change(() -> doCancel(refundId));
	}

	private synchronized Refund doCancel(String refundId) {
		Refund refund = refund(refundId)
			.orElseThrow(() -> StripeException.notFound("id", "No such refund: '" + refundId + "'"));
		if (!Refund.REQUIRES_ACTION.equals(refund.status())) {
			throw StripeException.refused(null, null, "Refund " + refundId + " cannot be canceled because it has a status of "
					+ refund.status() + ". Only refunds with status requires_action can be canceled.");
		}
		Refund canceled = refund.moveTo(Refund.CANCELED, null);
		store(canceled);
		return canceled;
	}

	/**
	 * Moves a pending or action-requiring refund to its outcome, as the card network eventually
	 * does.
	 * @param status {@code succeeded} or {@code failed}
	 * @param failureReason Stripe's failure reason for {@code failed}; {@code unknown} when null
	 * @throws java.util.NoSuchElementException for an unknown refund
	 * @throws IllegalStateException when the refund has already settled
	 * @throws IllegalArgumentException for any other target status or an unknown failure reason
	 */
	public void settleRefund(String refundId, String status, String failureReason) {
		state.change(() -> doSettleRefund(refundId, status, failureReason));
	}

	private synchronized void doSettleRefund(String refundId, String status, String failureReason) {
		Refund refund = refunds.get(refundId);
		if (refund == null) {
			throw new NoSuchElementException("no refund " + refundId);
		}
		if (!Refund.SUCCEEDED.equals(status) && !Refund.FAILED.equals(status)) {
			throw new IllegalArgumentException("a refund settles as succeeded or failed");
		}
		String reason = Refund.FAILED.equals(status) && failureReason == null ? "unknown" : failureReason;
		if (reason != null && !Refund.FAILURE_REASONS.contains(reason)) {
			throw new IllegalArgumentException("failureReason must be one of " + Refund.FAILURE_REASONS);
		}
		if (!Refund.PENDING.equals(refund.status()) && !Refund.REQUIRES_ACTION.equals(refund.status())) {
			throw new IllegalStateException("refund " + refundId + " is already " + refund.status());
		}
		store(refund.moveTo(status, reason));
	}

	/** How the next refunds start out; applies until changed or {@link #resetRefundBehavior() reset}. */
	public void refundBehavior(RefundBehavior next) {
		this.behavior = Objects.requireNonNull(next, "behavior must not be null");
	}

	public RefundBehavior refundBehavior() {
		return behavior;
	}

	public void resetRefundBehavior() {
		this.behavior = RefundBehavior.DEFAULT;
	}

	/** Sum, in minor units, of the intent's refunds that are pending, require action or succeeded. */
	public synchronized long refundedMinorUnits(String paymentIntentId) {
		return held(paymentIntentId);
	}

	/** Every refund, oldest first. */
	synchronized List<Refund> allRefunds() {
		return refunds.values().stream().sorted(Comparator.comparingLong(Refund::sequence)).toList();
	}

	/** Puts saved refunds in place of the seeded ones, as they were. */
	synchronized void restore(List<Refund> saved) {
		refunds.clear();
		refundsByIntent.clear();
		saved.stream().sorted(Comparator.comparingLong(Refund::sequence)).forEach(this::store);
		sequence = saved.stream().mapToLong(Refund::sequence).max().orElse(sequence);
	}

	/** How many refunds the intent has, whatever their status. */
	public synchronized int refundCount(String paymentIntentId) {
		return refundsByIntent.getOrDefault(paymentIntentId, List.of()).size();
	}

	private long held(String paymentIntentId) {
		return refundsByIntent.getOrDefault(paymentIntentId, List.of())
			.stream()
			.map(refunds::get)
			.filter(Refund::holdsAmount)
			.mapToLong(Refund::amount)
			.sum();
	}

	private void add(PaymentIntent intent) {
		intents.put(intent.id(), intent);
		intentByCharge.put(intent.latestCharge(), intent.id());
		intent.metadata()
			.forEach((key, value) -> intentsByMetadata.computeIfAbsent(key, k -> new HashMap<>())
				.computeIfAbsent(value, v -> new ArrayList<>())
				.add(intent));
	}

	private void store(Refund refund) {
		if (refunds.put(refund.id(), refund) == null) {
			refundsByIntent.computeIfAbsent(refund.paymentIntent(), k -> new ArrayList<>()).add(refund.id());
		}
	}

	private static String display(long minorUnits, String currency) {
		Currency iso = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		return BigDecimal.valueOf(minorUnits, Math.max(0, iso.getDefaultFractionDigits())).toPlainString() + " "
				+ iso.getCurrencyCode();
	}
}
