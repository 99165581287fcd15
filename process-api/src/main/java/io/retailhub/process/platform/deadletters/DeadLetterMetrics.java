package io.retailhub.process.platform.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.process.platform.internal.CachedSnapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code retailhub_dead_letters{state=unreplayed}}: dead letters nobody has replayed yet. Above
 * zero means a consumer rejected something ops should look at.
 */
@Component
class DeadLetterMetrics {

	DeadLetterMetrics(JdbcClient jdbc, MeterRegistry registry) {
		CachedSnapshot<Long> unreplayed = new CachedSnapshot<>(
				() -> jdbc.sql("SELECT count(*) FROM dead_letter WHERE replay_count = 0").query(Long.class).single());
		Gauge.builder("retailhub.dead.letters", unreplayed, snapshot -> snapshot.read(Long::doubleValue))
			.tag("state", "unreplayed")
			.description("Dead letters stored and not replayed yet")
			.strongReference(true)
			.register(registry);
	}

}
