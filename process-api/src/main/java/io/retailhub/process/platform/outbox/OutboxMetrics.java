package io.retailhub.process.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.process.platform.internal.CachedSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog as Prometheus sees it: {@code retailhub_outbox_pending} (rows not yet
 * published) and {@code retailhub_outbox_oldest_age_seconds} (how long the oldest has waited; 0
 * when none). A growing age means events are not reaching Kafka.
 */
@Component
class OutboxMetrics {

	private final CachedSnapshot<Backlog> backlog;

	OutboxMetrics(JdbcClient jdbc, MeterRegistry registry) {
		this.backlog = new CachedSnapshot<>(() -> jdbc.sql("""
				SELECT count(*) AS pending,
					coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) AS oldest_age
				FROM outbox_event WHERE published_at IS NULL""")
			.query((rs, row) -> new Backlog(rs.getLong("pending"), rs.getDouble("oldest_age")))
			.single());
		Gauge.builder("retailhub.outbox.pending", this.backlog, snapshot -> snapshot.read(Backlog::pending))
			.description("Outbox events committed but not yet published to Kafka")
			.strongReference(true)
			.register(registry);
		Gauge.builder("retailhub.outbox.oldest.age", this.backlog, snapshot -> snapshot.read(Backlog::oldestAgeSeconds))
			.description("Age of the oldest unpublished outbox event")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
	}

	private record Backlog(long pending, double oldestAgeSeconds) {
	}

}
