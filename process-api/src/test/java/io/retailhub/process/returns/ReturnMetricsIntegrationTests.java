package io.retailhub.process.returns;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code retailhub_refund_cycle_seconds} times each return's refund cycle once: it is recorded when
 * the transaction closing the return commits, not when the close is applied (a completion that
 * meets a concurrent update is rolled back and applied again on fresh state).
 */
@ReturnsIntegrationTest
class ReturnMetricsIntegrationTests {

	@Autowired
	ReturnMetrics metrics;

	@Autowired
	MeterRegistry registry;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aCloseAppliedTwiceAndCommittedOnceTimesOneRefundCycle() {
		// given the cycles timed so far
		Timer cycles = registry.get("retailhub.refund.cycle").timer();
		long countBefore = cycles.count();
		double secondsBefore = cycles.totalTime(TimeUnit.SECONDS);
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		Instant requestedAt = Instant.parse("2026-11-27T10:00:00Z");
		Instant completedAt = requestedAt.plus(Duration.ofHours(50));

		// when the close is applied in a transaction that rolls back, then again in one that commits
		transactions.executeWithoutResult(status -> {
			metrics.refundCompleted(requestedAt, completedAt);
			status.setRollbackOnly();
		});
		assertThat(cycles.count()).as("rolled back").isEqualTo(countBefore);
		transactions.executeWithoutResult(status -> metrics.refundCompleted(requestedAt, completedAt));

		// then one cycle of 50 hours was timed
		assertThat(cycles.count()).isEqualTo(countBefore + 1);
		assertThat(cycles.totalTime(TimeUnit.SECONDS) - secondsBefore).isCloseTo(Duration.ofHours(50).toSeconds(),
				within(0.001));
	}
}
