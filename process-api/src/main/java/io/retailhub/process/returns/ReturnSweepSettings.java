package io.retailhub.process.returns;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The return sweep's knobs ({@link ReturnSweep}).
 *
 * @param enabled whether this instance sweeps (instances that do not still have their work swept
 * by the others)
 * @param interval pause between rounds
 * @param batchSize most returns (or kept receipts) one round looks at per check
 * @param receiptCheckAfter how long after its request a return that still waits for its parcel is
 * first checked against what the warehouse received
 * @param receiptRecheckEvery how often each waiting return is checked again; the warehouse reads
 * this costs are (returns waiting for a parcel) / (this) per second
 * @param unmatchedReceiptAlertAfter how long a receipt may be kept for an RMA that no return
 * carries before ops are alerted (an RMA entered in ERP by hand, say)
 */
@Validated
@ConfigurationProperties("retailhub.returns.sweep")
record ReturnSweepSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
		@DefaultValue("100") @Min(1) @Max(1000) int batchSize, @DefaultValue("15m") Duration receiptCheckAfter,
		@DefaultValue("1h") Duration receiptRecheckEvery, @DefaultValue("1h") Duration unmatchedReceiptAlertAfter) {
}
