package io.retailhub.process.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The order feed as Prometheus sees it: {@code retailhub_order_feed_polls_total{outcome}}
 * (success, failure: the system API or ERP could not answer, busy: another instance was polling),
 * {@code retailhub_orders_confirmed_total}, {@code retailhub_order_feed_skipped_total} (orders that
 * confirm nothing: cancelled, no lines) and {@code retailhub_order_feed_last_poll_age_seconds}
 * (since any instance last read a page; alert when it grows past a few intervals).
 */
@Component
class OrderFeedMetrics {

	private final Counter succeeded;

	private final Counter failed;

	private final Counter busy;

	private final Counter confirmed;

	private final Counter skipped;

	OrderFeedMetrics(MeterRegistry registry, OrderFeedStore store) {
		this.succeeded = polls(registry, "success");
		this.failed = polls(registry, "failure");
		this.busy = polls(registry, "busy");
		this.confirmed = Counter.builder("retailhub.orders.confirmed")
			.description("Orders the feed confirmed (order.confirmed recorded for publication)")
			.register(registry);
		this.skipped = Counter.builder("retailhub.order.feed.skipped")
			.description("Orders the feed read that confirm nothing (cancelled, no lines)")
			.register(registry);
		Gauge.builder("retailhub.order.feed.last.poll.age", store, OrderFeedMetrics::lastPollAge)
			.description("Time since the order feed last read a page, on any instance")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
	}

	/** A page committed: its orders are confirmed. */
	void pageRead(int confirmedOrders, int skippedOrders) {
		confirmed.increment(confirmedOrders);
		skipped.increment(skippedOrders);
	}

	void succeeded() {
		succeeded.increment();
	}

	void failed() {
		failed.increment();
	}

	void busy() {
		busy.increment();
	}

	private static Counter polls(MeterRegistry registry, String outcome) {
		return Counter.builder("retailhub.order.feed.polls")
			.description("Order feed polls by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	private static double lastPollAge(OrderFeedStore store) {
		try {
			return store.secondsSinceLastPoll().orElse(Double.NaN);
		}
		catch (RuntimeException ex) {
			// the database is unreachable: no value rather than a failed scrape
			return Double.NaN;
		}
	}
}
