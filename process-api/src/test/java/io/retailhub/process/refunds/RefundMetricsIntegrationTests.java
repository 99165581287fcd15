package io.retailhub.process.refunds;

import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retailhub_refunds_manual_total} counts refunds a person must make, once each: the
 * decision is counted when its transaction commits, not when it is made. A step's completion that
 * meets a concurrent update is rolled back and applied again on fresh state, so the decision is
 * made twice and committed once.
 */
@ReturnsIntegrationTest
class RefundMetricsIntegrationTests {

	@Autowired
	RefundMetrics metrics;

	@Autowired
	MeterRegistry registry;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aManualRefundDecidedTwiceAndCommittedOnceCountsOnce() {
		// given the count now
		double before = manualRefunds();
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);

		// when the decision is made in a transaction that rolls back, then again in one that commits
		transactions.executeWithoutResult(status -> {
			metrics.manualRefundRequired();
			status.setRollbackOnly();
		});
		assertThat(manualRefunds()).as("rolled back").isEqualTo(before);
		transactions.executeWithoutResult(status -> metrics.manualRefundRequired());

		// then it counts once
		assertThat(manualRefunds()).isEqualTo(before + 1);
	}

	private double manualRefunds() {
		return registry.get("retailhub.refunds.manual").counter().count();
	}
}
