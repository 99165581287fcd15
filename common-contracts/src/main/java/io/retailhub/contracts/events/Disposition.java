package io.retailhub.contracts.events;

/**
 * What inspection decided for returned units. {@code RESTOCK}: back to sellable stock.
 * {@code DAMAGED}: not sellable (damaged in use, in transit or defective); whether it is refunded
 * depends on the return reason and policy. {@code REFUSE}: not accepted (wrong or unsold item,
 * outside policy); never refunded.
 */
public enum Disposition {
	RESTOCK, DAMAGED, REFUSE
}
