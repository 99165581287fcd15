package io.retailhub.sandbox.backends.carrier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.retailhub.sandbox.backends.state.PersistentState;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher;

import org.springframework.stereotype.Component;

/**
 * The simulated carrier's part of the sandbox's snapshot: every tracker with its scans, the
 * webhook deliveries not finished yet, and since when auto-advance moves new trackers. The
 * subscription and the auto-advance interval are settings: each start takes them from its
 * configuration.
 */
@Component
class CarrierState implements PersistentState<CarrierState.Saved> {

	private final Trackers trackers;

	private final CarrierWebhooks webhooks;

	private final AutoAdvance autoAdvance;

	CarrierState(Trackers trackers, CarrierWebhooks webhooks, AutoAdvance autoAdvance) {
		this.trackers = trackers;
		this.webhooks = webhooks;
		this.autoAdvance = autoAdvance;
	}

	/** {@code autoAdvanceSince} is null when auto-advance was off. */
	record Saved(List<Tracker> trackers, List<WebhookDispatcher.SavedDelivery> pendingWebhooks,
			Instant autoAdvanceSince) {
	}

	@Override
	public String name() {
		return "carrier";
	}

	@Override
	public Class<Saved> type() {
		return Saved.class;
	}

	@Override
	public Saved export() {
		return new Saved(trackers.all(), webhooks.unfinished(), autoAdvance.since().orElse(null));
	}

	@Override
	public void restore(Saved saved) {
		trackers.restore(saved.trackers());
		webhooks.restore(saved.pendingWebhooks());
		autoAdvance.restore(Optional.ofNullable(saved.autoAdvanceSince()));
	}
}
