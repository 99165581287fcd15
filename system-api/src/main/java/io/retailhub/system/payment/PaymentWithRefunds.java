package io.retailhub.system.payment;

import java.util.List;
import java.util.Optional;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.Payment;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundStatus;

/**
 * An order's payment and its refunds, newest first, read together.
 * @param payment what was captured and what the refunds that hold money add up to
 * @param refunds every refund of the payment, failed and canceled ones included
 */
public record PaymentWithRefunds(Payment payment, List<Refund> refunds) {

	public PaymentWithRefunds {
		refunds = List.copyOf(refunds);
	}

	/**
	 * A refund that holds money (pending, waiting for action or succeeded) and carries this
	 * reference and amount: what an earlier attempt of the same refund request left, if anything.
	 */
	public Optional<Refund> holdingRefund(String reference, Money amount) {
		return this.refunds.stream()
			.filter(r -> r.status() == RefundStatus.SUCCEEDED || r.status() == RefundStatus.PENDING
					|| r.status() == RefundStatus.REQUIRES_ACTION)
			.filter(r -> reference.equals(r.reference()) && amount.equals(r.amount()))
			.findFirst();
	}
}
