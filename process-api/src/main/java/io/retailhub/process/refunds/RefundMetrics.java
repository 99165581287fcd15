package io.retailhub.process.refunds;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Refund KPIs: {@code retailhub_refunds_parked} (refunds queued while the payment provider is
 * down) and {@code retailhub_refunds_manual_total} (refunds a person had to make by hand).
 */
@Component
class RefundMetrics {

	private final Counter manual;

	RefundMetrics(MeterRegistry registry, RefundRepository refunds) {
		this.manual = Counter.builder("retailhub.refunds.manual")
			.description("Refunds that could not be made automatically and need a person")
			.register(registry);
		Gauge.builder("retailhub.refunds.parked", new ParkedRefunds(refunds), ParkedRefunds::count)
			.description("Refunds queued (parked) while the payment provider is unavailable")
			.strongReference(true)
			.register(registry);
	}

	/**
	 * Counted once the transaction that decided it commits: a decision rolled back, or applied again
	 * after a concurrent update, is one refund to make by hand, not several.
	 */
	void manualRefundRequired() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					manual.increment();
				}
			});
		}
		else {
			manual.increment();
		}
	}

	/** Counts queued refunds, at most once a second however often the registry asks. */
	private static final class ParkedRefunds {

		private static final Duration MAX_AGE = Duration.ofSeconds(1);

		private final RefundRepository refunds;

		private volatile long value;

		private volatile long readAt;

		ParkedRefunds(RefundRepository refunds) {
			this.refunds = refunds;
		}

		double count() {
			long now = System.nanoTime();
			if (readAt == 0 || now - readAt > MAX_AGE.toNanos()) {
				try {
					value = refunds.countByStatus(RefundStatus.QUEUED);
					readAt = now;
				}
				catch (RuntimeException ex) {
					// the database is unreachable: keep the last value rather than failing the scrape
				}
			}
			return value;
		}
	}
}
