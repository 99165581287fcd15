package io.retailhub.process.platform.internal;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database for gauges, at most once per second however many gauges and
 * scrapes ask: one query feeds several gauges, and a scrape never piles up queries. While the
 * database cannot be read, the gauges show NaN (no data), not a stale number.
 */
public final class CachedSnapshot<T> {

	private static final Logger log = LoggerFactory.getLogger(CachedSnapshot.class);

	private static final Duration MAX_AGE = Duration.ofSeconds(1);

	private final Supplier<T> query;

	private T value;

	private long readAtNanos;

	private boolean read;

	public CachedSnapshot(Supplier<T> query) {
		this.query = query;
	}

	/** One number out of the (possibly refreshed) snapshot; NaN when it cannot be read. */
	public synchronized double read(ToDoubleFunction<T> metric) {
		long now = System.nanoTime();
		if (!this.read || now - this.readAtNanos > MAX_AGE.toNanos()) {
			try {
				this.value = this.query.get();
			}
			catch (RuntimeException ex) {
				log.debug("could not read metrics from the database", ex);
				this.value = null;
			}
			this.readAtNanos = now;
			this.read = true;
		}
		return this.value == null ? Double.NaN : metric.applyAsDouble(this.value);
	}

}
