package io.retailhub.contracts;

/**
 * An order's payment: {@code reference} is the provider's payment identifier (a Stripe
 * PaymentIntent), {@code captured} what was taken, {@code refunded} what went back so far.
 */
public record Payment(String reference, PaymentStatus status, Money captured, Money refunded) {

	/** What can still be refunded. */
	public Money refundable() {
		return captured.minus(refunded);
	}
}
