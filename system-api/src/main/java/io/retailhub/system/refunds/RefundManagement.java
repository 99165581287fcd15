package io.retailhub.system.refunds;

import java.util.List;
import java.util.Map;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.commands.CreateRefund;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.payment.PaymentWithRefunds;
import io.retailhub.system.payment.StripePaymentAdapter;
import io.retailhub.web.ProblemException;

import org.springframework.stereotype.Service;

/**
 * A refund is checked against the order's payment before the provider is asked for it: the
 * amount must be positive, in the currency the order was paid in and at most what may still be
 * refunded (captured minus what the refunds that hold money add up to). Only reads happen before
 * the check; a refund that fails it writes nothing anywhere.
 *
 * <p>A repeat of a refund request (the same idempotency key and body, after a lost answer) finds
 * its own earlier refund among those holding money: one refund with the same reference and
 * amount is not counted against it, so the repeat reaches the provider, which answers it with the
 * first refund. Whether it is a repeat is the provider's to decide by the key; should it not be,
 * the provider's own balance check refuses it.
 */
@Service
class RefundManagement {

	private final StripePaymentAdapter payment;

	RefundManagement(StripePaymentAdapter payment) {
		this.payment = payment;
	}

	Refund create(CreateRefund command, String idempotencyKey) {
		Money amount = command.amount();
		if (!amount.isPositive()) {
			throw notAllowed(ProblemType.INVALID_REQUEST, "The refund amount must be positive.",
					new FieldError("amount.amount", "must be positive"));
		}
		OrderId orderId = command.orderId();
		PaymentWithRefunds paid = payment.findPaymentWithRefunds(orderId)
			.orElseThrow(() -> new ResourceNotFoundException("payment", orderId.value()));
		Money captured = paid.payment().captured();
		if (!amount.currency().equals(captured.currency())) {
			throw notAllowed(ProblemType.NOT_ALLOWED_FOR_ORDER,
					"Order " + orderId + " was paid in " + captured.currency().getCurrencyCode() + ".",
					new FieldError("amount.currency", "must be " + captured.currency().getCurrencyCode()));
		}
		Money refundable = paid.payment().refundable();
		Money withThisRequest = paid.holdingRefund(command.reference(), amount).map(earlier -> refundable.plus(earlier.amount()))
			.orElse(refundable);
		if (amount.compareTo(withThisRequest) > 0) {
			throw notAllowed(ProblemType.NOT_ALLOWED_FOR_ORDER,
					"Order " + orderId + " may still be refunded " + refundable + " of the " + captured + " captured.",
					new FieldError("amount", "must be at most " + withThisRequest));
		}
		return payment.createRefund(command, idempotencyKey);
	}

	static ProblemException notAllowed(ProblemType type, String detail, FieldError error) {
		return new ProblemException(type, detail, Map.of(ProblemProperties.ERRORS, List.of(error)));
	}
}
