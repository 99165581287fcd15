package io.retailhub.sandbox.backends.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.retailhub.sandbox.backends.state.PersistentState;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptResponse;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher;

import org.springframework.stereotype.Component;

/**
 * The simulated WMS's part of the sandbox's snapshot: every return receipt (stock and each RMA's
 * running totals follow from them and the seeded stock), the webhook deliveries not finished yet,
 * and since when auto-receive looks at new customer returns. The subscription, chaos and
 * auto-receive delay are settings: each start takes them from its configuration (the launcher
 * subscribes again).
 */
@Component
class WarehouseState implements PersistentState<WarehouseState.Saved> {

	private final WarehouseStore store;

	private final WarehouseWebhooks webhooks;

	private final ReturnReceiving receiving;

	WarehouseState(WarehouseStore store, WarehouseWebhooks webhooks, ReturnReceiving receiving) {
		this.store = store;
		this.webhooks = webhooks;
		this.receiving = receiving;
	}

	/** {@code autoReceiveSince} is null when auto-receive was off. */
	record Saved(List<ReturnReceiptResponse> returnReceipts, List<WebhookDispatcher.SavedDelivery> pendingWebhooks,
			Instant autoReceiveSince) {
	}

	@Override
	public String name() {
		return "warehouse";
	}

	@Override
	public Class<Saved> type() {
		return Saved.class;
	}

	@Override
	public Saved export() {
		return new Saved(store.allReceipts(), webhooks.unfinished(), receiving.autoReceiveSince().orElse(null));
	}

	@Override
	public void restore(Saved saved) {
		store.restore(saved.returnReceipts());
		webhooks.restore(saved.pendingWebhooks());
		receiving.restore(Optional.ofNullable(saved.autoReceiveSince()));
	}
}
