package io.retailhub.system.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.PaymentStatus;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.RefundStatus;
import io.retailhub.contracts.commands.CreateRefund;
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.payment.StripePayloads.StripeList;
import io.retailhub.system.payment.StripePayloads.StripePaymentIntent;
import io.retailhub.system.payment.StripePayloads.StripeRefund;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The hub's way into the payment provider, Stripe: an order's payment and its refunds, mapped to
 * the canonical {@link Payment} and {@link Refund}.
 *
 * <p>An order's payment is the PaymentIntent whose {@code metadata[order_id]} is the order
 * number, found with Stripe's search API. Refunds carry {@code metadata[order_id]} and
 * {@code metadata[reference]} (the caller's business key), so that a caller who does not know
 * whether its refund went through can find it again ({@link #findRefundByReference}).
 *
 * <p>Refunds are created with the caller's {@code Idempotency-Key}: the call is retried on
 * timeouts and transient failures, and Stripe answers a repeated request with the refund the
 * first one created. Amounts travel in minor units ({@link Money#ofMinor}, {@link Money#toMinorUnits}),
 * so zero-decimal currencies such as JPY are sent as they are.
 */
@Component
public class StripePaymentAdapter {

	static final int PAGE_SIZE = 100;

	/** A guard against cursors that never end; no order has anywhere near this many refunds. */
	private static final int MAX_PAGES = 20;

	private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

	private final StripeClient stripe;

	private final BackendCalls calls;

	StripePaymentAdapter(PaymentSettings settings, BackendRestClients clients, BackendCalls calls) {
		this.calls = calls;
		this.stripe = clients.createClient(
				clients.forBackend(Backends.PAYMENT, settings.baseUrl(), settings.connectTimeout(), settings.readTimeout())
					.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.secretKey())
					.defaultStatusHandler(new StripeErrors()),
				StripeClient.class);
	}

	/**
	 * The order's payment: what was captured and what was refunded so far (pending, action-requiring
	 * and succeeded refunds, since each of them holds its amount). Empty when the provider knows no
	 * payment for the order.
	 */
	public Optional<Payment> findPayment(OrderId orderId) {
		return findPaymentWithRefunds(orderId).map(PaymentWithRefunds::payment);
	}

	/**
	 * The order's payment as {@link #findPayment} reads it, with the refunds it was summed from:
	 * one read for callers that need both. Empty when the provider knows no payment for the order.
	 */
	public Optional<PaymentWithRefunds> findPaymentWithRefunds(OrderId orderId) {
		return calls.read(Backends.PAYMENT, () -> paymentIntentOf(orderId).map(intent -> {
			List<StripeRefund> refunds = allRefunds(intent.id());
			return new PaymentWithRefunds(payment(intent, refunds),
					refunds.stream().map(refund -> refund(refund, orderId)).toList());
		}));
	}

	/**
	 * Refunds part or all of the order's payment, at most once per idempotency key: the same key
	 * with the same command returns the refund the first call created; with a different command the
	 * provider refuses it (a {@code BackendRejectedException} with status 409 and code
	 * {@code idempotency_error}).
	 * @throws IllegalArgumentException for a non-positive amount, an amount in another currency
	 * than the payment's, or a missing or over-long idempotency key
	 * @throws ResourceNotFoundException when the provider knows no payment for the order
	 * @throws io.retailhub.system.backend.BackendRejectedException when the provider refuses the
	 * refund, for example {@code amount_too_large} or {@code charge_already_refunded}
	 */
	public Refund createRefund(CreateRefund command, String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new IllegalArgumentException(
					"an idempotency key of 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters is required");
		}
		if (!command.amount().isPositive()) {
			throw new IllegalArgumentException("the refund amount must be positive");
		}
		OrderId orderId = command.orderId();
		StripePaymentIntent intent = calls.read(Backends.PAYMENT, () -> paymentIntentOf(orderId))
			.orElseThrow(() -> new ResourceNotFoundException("payment", orderId.value()));
		String currency = intent.currency().toUpperCase(Locale.ROOT);
		if (!command.amount().currency().getCurrencyCode().equals(currency)) {
			throw new IllegalArgumentException("the refund is in " + command.amount().currency().getCurrencyCode()
					+ " but order " + orderId + " was paid in " + currency);
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("payment_intent", intent.id());
		form.add("amount", Long.toString(command.amount().toMinorUnits()));
		form.add("reason", "requested_by_customer");
		form.add("metadata[order_id]", orderId.value());
		form.add("metadata[reference]", command.reference());
		if (command.note() != null && !command.note().isBlank()) {
			form.add("metadata[note]", command.note());
		}
		StripeRefund created = calls.idempotentWrite(Backends.PAYMENT, () -> {
			try {
				return stripe.createRefund(idempotencyKey, form);
			}
			catch (ResourceNotFoundException ex) {
				throw new ResourceNotFoundException("payment", orderId.value());
			}
		});
		return refund(created, orderId);
	}

	/** One refund, or empty when the provider does not know it. */
	public Optional<Refund> findRefund(RefundId id) {
		return calls.read(Backends.PAYMENT, () -> {
			StripeRefund refund;
			try {
				refund = stripe.refund(id.value());
			}
			catch (ResourceNotFoundException ex) {
				return Optional.empty();
			}
			return Optional.of(refund(refund, orderOf(refund)));
		});
	}

	/** Every refund of the order's payment, newest first; empty when the order has no payment. */
	public List<Refund> findRefundsOfOrder(OrderId orderId) {
		return calls.read(Backends.PAYMENT, () -> paymentIntentOf(orderId).map(intent -> allRefunds(intent.id()))
			.orElse(List.of())
			.stream()
			.map(refund -> refund(refund, orderId))
			.toList());
	}

	/**
	 * The order's refund recorded with the caller's reference: how a workflow learns whether a
	 * refund it asked for exists after an ambiguous failure (a timeout, a crash). Should several
	 * carry the reference, the newest that still holds money (not failed, not canceled) wins, else
	 * the newest.
	 */
	public Optional<Refund> findRefundByReference(OrderId orderId, String reference) {
		List<Refund> matching = findRefundsOfOrder(orderId).stream()
			.filter(r -> reference.equals(r.reference()))
			.toList();
		return matching.stream()
			.filter(r -> r.status() != RefundStatus.FAILED && r.status() != RefundStatus.CANCELED)
			.findFirst()
			.or(() -> matching.stream().findFirst());
	}

	/**
	 * The order's PaymentIntent. Should an order have several (a first attempt abandoned, say),
	 * the one that took money wins, then the newest.
	 */
	private Optional<StripePaymentIntent> paymentIntentOf(OrderId orderId) {
		String query = "metadata['order_id']:'" + quoted(orderId.value()) + "'";
		return stripe.searchPaymentIntents(query, 10)
			.data()
			.stream()
			.min(Comparator.comparing((StripePaymentIntent i) -> !"succeeded".equals(i.status()))
				.thenComparing(Comparator.comparingLong(StripePaymentIntent::created).reversed()));
	}

	/** Escapes a value for a single-quoted string in Stripe's search query language. */
	static String quoted(String value) {
		return value.replace("\\", "\\\\").replace("'", "\\'");
	}

	private List<StripeRefund> allRefunds(String paymentIntentId) {
		List<StripeRefund> all = new ArrayList<>();
		String startingAfter = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			StripeList<StripeRefund> refunds = stripe.refunds(paymentIntentId, PAGE_SIZE, startingAfter);
			all.addAll(refunds.data());
			if (!refunds.hasMore() || refunds.data().isEmpty()) {
				break;
			}
			startingAfter = refunds.data().get(refunds.data().size() - 1).id();
		}
		return all;
	}

	/** The order a refund belongs to: its own metadata, else its PaymentIntent's. */
	private OrderId orderOf(StripeRefund refund) {
		String orderNumber = refund.metadata("order_id");
		if (orderNumber == null && refund.paymentIntent() != null) {
			StripePaymentIntent intent = stripe.paymentIntent(refund.paymentIntent());
			orderNumber = intent.metadata() == null ? null : intent.metadata().get("order_id");
		}
		return orderNumber == null ? null : OrderId.of(orderNumber);
	}

	static Payment payment(StripePaymentIntent intent, List<StripeRefund> refunds) {
		Money captured = Money.ofMinor(intent.amountReceived(), intent.currency());
		long refundedMinorUnits = refunds.stream()
			.filter(r -> holdsAmount(r.status()))
			.mapToLong(StripeRefund::amount)
			.sum();
		Money refunded = Money.ofMinor(refundedMinorUnits, intent.currency());
		PaymentStatus status = switch (intent.status()) {
			case "succeeded" -> refunded.isZero() ? PaymentStatus.CAPTURED
					: refunded.compareTo(captured) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
			case "requires_capture" -> PaymentStatus.AUTHORIZED;
			case "canceled" -> PaymentStatus.CANCELED;
			default -> PaymentStatus.PENDING;
		};
		return new Payment(intent.id(), status, captured, refunded);
	}

	/** A refund that may still succeed holds its amount, as one that did. */
	private static boolean holdsAmount(String status) {
		return "succeeded".equals(status) || "pending".equals(status) || "requires_action".equals(status);
	}

	static Refund refund(StripeRefund refund, OrderId orderId) {
		return new Refund(RefundId.of(refund.id()), orderId, refund.paymentIntent(), refund.metadata("reference"),
				Money.ofMinor(refund.amount(), refund.currency()), status(refund.status()), refund.failureReason(),
				Instant.ofEpochSecond(refund.created()));
	}

	private static RefundStatus status(String stripeStatus) {
		return switch (stripeStatus) {
			case "succeeded" -> RefundStatus.SUCCEEDED;
			case "failed" -> RefundStatus.FAILED;
			case "canceled" -> RefundStatus.CANCELED;
			case "requires_action" -> RefundStatus.REQUIRES_ACTION;
			// pending, and any status Stripe may add later: not final, so not yet money back
			default -> RefundStatus.PENDING;
		};
	}
}
