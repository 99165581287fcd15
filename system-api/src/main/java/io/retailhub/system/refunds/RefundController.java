package io.retailhub.system.refunds;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.retailhub.contracts.Identifier;
import io.retailhub.contracts.Identifiers;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Refund;
import io.retailhub.contracts.RefundId;
import io.retailhub.contracts.commands.CreateRefund;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.payment.StripePaymentAdapter;
import io.retailhub.system.web.CreatedResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds through the payment provider. Creating one needs an {@code Idempotency-Key}: sending the
 * same key and body again answers with the refund the first request created (never a second
 * refund); the same key with another body is refused with {@code idempotency-key-reused}.
 */
@RestController
@RequestMapping("/api/system/v1/refunds")
@Tag(name = "Refunds", description = "Refunds at the payment provider, idempotent by key")
class RefundController {

	private final StripePaymentAdapter payment;

	private final RefundManagement refunds;

	RefundController(StripePaymentAdapter payment, RefundManagement refunds) {
		this.payment = payment;
		this.refunds = refunds;
	}

	/**
	 * The key is 1 to 255 characters (as Stripe allows) of the identifier alphabet. The amount is
	 * checked against the order's payment before anything is written ({@link RefundManagement}).
	 */
	@PostMapping
	@Operation(summary = "Refund part or all of an order's payment, at most once per Idempotency-Key",
			description = "422 not-allowed-for-order when the amount is in another currency than the payment's or "
					+ "above what may still be refunded; nothing is written then.")
	ResponseEntity<Refund> create(
			@RequestHeader(Headers.IDEMPOTENCY_KEY) @Size(max = Identifiers.MAX_KEY_LENGTH) @Identifier String idempotencyKey,
			@Valid @RequestBody CreateRefund command) {
		Refund refund = refunds.create(command, idempotencyKey);
		return CreatedResponses.created(refund, refund.id().value());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One refund and its current status")
	Refund refund(@PathVariable RefundId id) {
		return payment.findRefund(id).orElseThrow(() -> new ResourceNotFoundException("refund", id.value()));
	}

	@GetMapping
	@Operation(summary = "An order's refunds, newest first; with reference, only those recorded under it")
	List<Refund> refundsOfOrder(@RequestParam OrderId orderId,
			@RequestParam(required = false) @Size(min = 1, max = 64) @Identifier String reference) {
		List<Refund> refunds = payment.findRefundsOfOrder(orderId);
		if (reference == null) {
			return refunds;
		}
		return refunds.stream().filter(r -> reference.equals(r.reference())).toList();
	}
}
