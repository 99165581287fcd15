package io.retailhub.process.returns;

/**
 * The state of a returned item as store staff found it at the counter: {@code NEW} (unopened, tags
 * on), {@code OPENED} (packaging opened, unused), {@code USED}, {@code DAMAGED}, {@code DEFECTIVE}.
 * Recorded with the line; what becomes of the units is the staff's
 * {@link io.retailhub.contracts.events.Disposition}.
 */
public enum ItemCondition {
	NEW, OPENED, USED, DAMAGED, DEFECTIVE
}
