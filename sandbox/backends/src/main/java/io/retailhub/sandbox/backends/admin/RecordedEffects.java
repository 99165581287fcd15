package io.retailhub.sandbox.backends.admin;

import java.util.Map;

/**
 * What a simulated backend has recorded since it started (refunds created, credit memos posted,
 * cases opened, ...), so tests and people can count effects and prove nothing happened twice.
 * Each backend contributes one bean.
 */
public interface RecordedEffects {

	/** The backend's ID: erp, crm, payment, warehouse, commerce or carrier. */
	String backend();

	/** Counts by effect name, for example {@code refunds.created}. */
	Map<String, Long> counts();
}
