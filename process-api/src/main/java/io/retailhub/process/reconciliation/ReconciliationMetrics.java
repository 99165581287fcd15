package io.retailhub.process.reconciliation;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The latest finished report as gauges, read from the database so every instance shows the same:
 * {@code retailhub_reconciliation_mismatches{kind}} (orders with a mismatch of that kind; 0 before
 * the first report) and {@code retailhub_reconciliation_last_run_timestamp_seconds} (when it
 * finished; no value before the first report). Read at most every few seconds, however many scrapes.
 */
@Component
class ReconciliationMetrics {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationMetrics.class);

	private static final Duration MAX_AGE = Duration.ofSeconds(5);

	private final ReconciliationStore store;

	private Optional<ReconciliationStore.LatestCounts> latest = Optional.empty();

	private long readAtNanos;

	private boolean read;

	private boolean readable;

	ReconciliationMetrics(ReconciliationStore store, MeterRegistry registry) {
		this.store = store;
		for (MismatchKind kind : MismatchKind.values()) {
			Gauge.builder("retailhub.reconciliation.mismatches", this, m -> m.mismatches(kind))
				.description("Orders with a mismatch of this kind in the latest reconciliation report")
				.tag("kind", kind.name())
				.register(registry);
		}
		Gauge.builder("retailhub.reconciliation.last.run.timestamp", this, ReconciliationMetrics::lastRun)
			.description("When the latest reconciliation report finished (Unix time)")
			.baseUnit("seconds")
			.register(registry);
	}

	private double mismatches(MismatchKind kind) {
		Optional<ReconciliationStore.LatestCounts> counts = latest();
		if (!this.readable) {
			return Double.NaN;
		}
		return counts.map(c -> c.byKind().getOrDefault(kind, 0)).orElse(0);
	}

	private double lastRun() {
		Optional<ReconciliationStore.LatestCounts> counts = latest();
		return counts.map(c -> c.finishedAt().toEpochMilli() / 1000.0).orElse(Double.NaN);
	}

	/** Forgets what was read, so the next scrape shows a report that just finished. */
	synchronized void refresh() {
		this.read = false;
	}

	private synchronized Optional<ReconciliationStore.LatestCounts> latest() {
		long now = System.nanoTime();
		if (!this.read || now - this.readAtNanos > MAX_AGE.toNanos()) {
			try {
				this.latest = this.store.latestCounts();
				this.readable = true;
			}
			catch (RuntimeException ex) {
				log.debug("could not read the latest reconciliation report", ex);
				this.latest = Optional.empty();
				this.readable = false;
			}
			this.readAtNanos = now;
			this.read = true;
		}
		return this.latest;
	}

}
