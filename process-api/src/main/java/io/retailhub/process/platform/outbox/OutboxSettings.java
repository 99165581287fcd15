package io.retailhub.process.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay polls and publishes.
 *
 * @param pollInterval pause between rounds when nothing is waiting; a commit that appended wakes
 * the relay at once anyway
 * @param batchSize rows claimed per round
 * @param sendTimeout how long one send may wait for the broker's acknowledgement
 * @param retention how long published rows are kept (for inspection) before they are deleted
 */
@Validated
@ConfigurationProperties("retailhub.outbox")
record OutboxSettings(@DefaultValue("50ms") Duration pollInterval, @DefaultValue("100") @Min(1) int batchSize,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("7d") Duration retention) {
}
