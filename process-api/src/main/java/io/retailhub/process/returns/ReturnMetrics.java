package io.retailhub.process.returns;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Return KPIs: {@code retailhub_returns{status=...}} (returns per status) and
 * {@code retailhub_refund_cycle_seconds} (from the return's request to its refund completed).
 */
@Component
class ReturnMetrics {

	private static final Duration MAX_AGE = Duration.ofSeconds(1);

	private final Timer refundCycle;

	private final ReturnCaseRepository returns;

	private volatile Map<ReturnStatus, Long> counts = new EnumMap<>(ReturnStatus.class);

	private volatile long readAt;

	ReturnMetrics(MeterRegistry registry, ReturnCaseRepository returns) {
		this.returns = returns;
		this.refundCycle = Timer.builder("retailhub.refund.cycle")
			.description("Time from a return's request to its refund completed")
			.publishPercentileHistogram()
			.register(registry);
		for (ReturnStatus status : ReturnStatus.values()) {
			Gauge.builder("retailhub.returns", () -> count(status))
				.description("Returns by status")
				.tag("status", status.name())
				.register(registry);
		}
	}

	/**
	 * Timed once the transaction that closes the return commits: a close rolled back, or applied
	 * again after a concurrent update, is one refund cycle, not several.
	 */
	void refundCompleted(Instant requestedAt, Instant completedAt) {
		Duration cycle = Duration.between(requestedAt, completedAt);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					refundCycle.record(cycle);
				}
			});
		}
		else {
			refundCycle.record(cycle);
		}
	}

	/** Reads every status at most once a second however often the registry asks. */
	private double count(ReturnStatus status) {
		long now = System.nanoTime();
		if (readAt == 0 || now - readAt > MAX_AGE.toNanos()) {
			try {
				Map<ReturnStatus, Long> fresh = new EnumMap<>(ReturnStatus.class);
				returns.countByStatus().forEach(c -> fresh.put(c.getStatus(), c.getCount()));
				counts = fresh;
				readAt = now;
			}
			catch (RuntimeException ex) {
				// the database is unreachable: keep the last values rather than failing the scrape
			}
		}
		return counts.getOrDefault(status, 0L);
	}
}
