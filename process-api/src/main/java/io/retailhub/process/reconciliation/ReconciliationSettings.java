package io.retailhub.process.reconciliation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily reconciliation's knobs ({@link ReconciliationManagement}).
 *
 * @param enabled whether this instance runs the daily report (one instance runs it per day anyway:
 * the first to claim the day)
 * @param cron when the daily report runs (Spring cron, six fields, in UTC)
 * @param window how far back a run looks for orders with return activity (returns or refunds
 * that changed)
 * @param receiptWithoutRefundAfter how long after the warehouse received an RMA's parcel a missing
 * refund is a mismatch
 * @param settleTime refunds and credit memos younger than this are left out of the amounts
 * compared: the hub posts the credit memo moments after the refund, and a report taken in between
 * should not call that a mismatch
 * @param maxOrders most orders one run reconciles (the oldest activity first); the report says when
 * it stopped short
 */
@Validated
@ConfigurationProperties("retailhub.reconciliation")
public record ReconciliationSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("0 30 2 * * *") @NotBlank String cron, @DefaultValue("1d") Duration window,
		@DefaultValue("48h") Duration receiptWithoutRefundAfter, @DefaultValue("1h") Duration settleTime,
		@DefaultValue("1000") @Min(1) @Max(100_000) int maxOrders) {
}
