package io.retailhub.sandbox.backends.payment;

import java.util.List;

import io.retailhub.sandbox.backends.state.PersistentState;

import org.springframework.stereotype.Component;

/**
 * The simulated Stripe account's part of the sandbox's snapshot: every refund (seeded ones too,
 * as their status may have moved) and every idempotency key with its saved answer. Payment
 * intents never change and are seeded again; refund IDs are random, so none is ever made twice.
 */
@Component
class PaymentState implements PersistentState<PaymentState.Saved> {

	private final PaymentLedger ledger;

	private final IdempotencyKeys keys;

	PaymentState(PaymentLedger ledger, IdempotencyKeys keys) {
		this.ledger = ledger;
		this.keys = keys;
	}

	record Saved(List<Refund> refunds, List<IdempotencyKeys.SavedKey> idempotencyKeys) {
	}

	@Override
	public String name() {
		return "payment";
	}

	@Override
	public Class<Saved> type() {
		return Saved.class;
	}

	@Override
	public Saved export() {
		return new Saved(ledger.allRefunds(), keys.saved());
	}

	@Override
	public void restore(Saved saved) {
		ledger.restore(saved.refunds());
		keys.restore(saved.idempotencyKeys());
	}
}
