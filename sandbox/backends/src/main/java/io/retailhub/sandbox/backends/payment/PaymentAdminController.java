package io.retailhub.sandbox.backends.payment;

import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Steers the simulated Stripe account from outside (outside {@code /payment} on purpose, so that
 * injected faults never hit it):
 * <ul>
 * <li>{@code PUT /admin/payment/refund-behavior {"initialStatus":"pending"}} sets how the next
 * refunds start ({@link RefundBehavior}); {@code DELETE} restores "succeeded at once";</li>
 * <li>{@code POST /admin/payment/refunds/{id}/settle {"status":"failed","failureReason":"declined"}}
 * moves a pending refund on;</li>
 * <li>{@code DELETE /admin/payment/idempotency-keys} forgets every idempotency key, as Stripe does
 * after 24 hours.</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/payment")
class PaymentAdminController {

	/** Where a pending refund ends up. */
	record Settlement(String status, String failureReason) {
	}

	private final PaymentLedger ledger;

	private final IdempotencyKeys idempotencyKeys;

	private final PaymentEffects effects;

	PaymentAdminController(PaymentLedger ledger, IdempotencyKeys idempotencyKeys, PaymentEffects effects) {
		this.ledger = ledger;
		this.idempotencyKeys = idempotencyKeys;
		this.effects = effects;
	}

	@GetMapping("/refund-behavior")
	RefundBehavior refundBehavior() {
		return ledger.refundBehavior();
	}

	@PutMapping("/refund-behavior")
	RefundBehavior refundBehavior(@RequestBody RefundBehavior behavior) {
		ledger.refundBehavior(behavior);
		return behavior;
	}

	@DeleteMapping("/refund-behavior")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetRefundBehavior() {
		ledger.resetRefundBehavior();
	}

	@PostMapping("/refunds/{id}/settle")
	Map<String, Object> settle(@PathVariable String id, @RequestBody Settlement settlement) {
		try {
			ledger.settleRefund(id, settlement.status(), settlement.failureReason());
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no refund '" + id + "'");
		}
		catch (IllegalStateException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		effects.record(PaymentEffects.REFUNDS_SETTLED);
		return ledger.refund(id).orElseThrow().json();
	}

	@DeleteMapping("/idempotency-keys")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void forgetIdempotencyKeys() {
		idempotencyKeys.forgetAll();
	}
}
