package io.retailhub.process.returns;

import io.retailhub.contracts.events.Disposition;

/**
 * What store staff recorded for one line of an in-store return: the item's condition and the
 * disposition of its units ({@code RESTOCK} back to the store's sellable stock, {@code DAMAGED} not
 * sellable but accepted, {@code REFUSE} not accepted and never refunded). The inspection takes the
 * disposition as it is, instead of deciding it from the warehouse's counts.
 */
public record StoreInspection(ItemCondition condition, Disposition disposition) {

	public StoreInspection {
		if (condition == null || disposition == null) {
			throw new IllegalArgumentException("condition and disposition are required");
		}
	}
}
