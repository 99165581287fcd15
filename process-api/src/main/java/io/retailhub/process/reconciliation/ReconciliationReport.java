package io.retailhub.process.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One reconciliation run and what it found.
 *
 * @param reportDate the UTC day the run is for
 * @param trigger SCHEDULED (the daily run) or MANUAL (ops asked for it)
 * @param requestedBy who asked for a manual run ({@code ops:ops.olga}); null for the daily run
 * @param status RUNNING, DONE or FAILED
 * @param windowFrom orders whose returns or refunds changed from here...
 * @param windowTo ...to here (exclusive) were reconciled
 * @param truncated the window held more orders than one run reconciles; the oldest activity came first
 * @param mismatchCount every mismatch listed, of every order
 * @param mismatchesByKind orders with a mismatch of each kind, every kind, zeros included
 * @param orders each order's figures and mismatches, those with mismatches first
 */
public record ReconciliationReport(UUID id, LocalDate reportDate, String trigger, String requestedBy, String status,
		Instant windowFrom, Instant windowTo, Instant startedAt, Instant finishedAt, Integer ordersChecked,
		boolean truncated, Integer mismatchCount, Map<MismatchKind, Integer> mismatchesByKind,
		List<OrderReconciliation> orders, String error) {
}
