package io.retailhub.bench;

import java.time.Duration;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one kind (request to refund completed, or one phase of it), recorded in
 * microseconds with three significant digits: a percentile is off by at most 0.1 %. Thread-safe.
 */
final class Latencies {

	/** Longest latency recorded exactly; anything longer counts as this. */
	private static final long MAX_MICROS = Duration.ofHours(1).toNanos() / 1000;

	private final Histogram histogram = new Histogram(MAX_MICROS, 3);

	synchronized void record(Duration latency) {
		long micros = Math.max(0, Math.min(MAX_MICROS, latency.toNanos() / 1000));
		this.histogram.recordValue(micros);
	}

	synchronized long count() {
		return this.histogram.getTotalCount();
	}

	/** The latency at or below which {@code percentile} percent of the recorded ones lie. */
	synchronized Duration percentile(double percentile) {
		if (this.histogram.getTotalCount() == 0) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(this.histogram.getValueAtPercentile(percentile) * 1000);
	}

	synchronized Duration max() {
		return this.histogram.getTotalCount() == 0 ? Duration.ZERO
				: Duration.ofNanos(this.histogram.getMaxValue() * 1000);
	}

	synchronized Duration mean() {
		return this.histogram.getTotalCount() == 0 ? Duration.ZERO
				: Duration.ofNanos((long) (this.histogram.getMean() * 1000));
	}

	/** {@code p50 12.3 ms, p95 ..., p99 ..., max ...}. */
	String summary() {
		return String.format("p50 %s  p95 %s  p99 %s  max %s", millis(percentile(50)), millis(percentile(95)),
				millis(percentile(99)), millis(max()));
	}

	static String millis(Duration duration) {
		return String.format("%,.1f ms", duration.toNanos() / 1e6);
	}

}
