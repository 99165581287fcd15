package io.retailhub.system.webhooks;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backend webhooks received by the system API ({@code retailhub.webhooks.*}).
 *
 * @param publishTimeout how long a webhook request waits for Kafka to acknowledge the event it
 * causes; past it the sender gets a 503 and delivers again
 * @param recentEventIds how many webhook event IDs are remembered to drop a redelivery without
 * publishing again (the consumers' inbox stays the durable deduplication)
 * @param warehouse the WMS's webhooks
 */
@ConfigurationProperties("retailhub.webhooks")
@Validated
record WebhookSettings(@DefaultValue("6s") @NotNull Duration publishTimeout,
		@DefaultValue("10000") @Min(1) int recentEventIds, @NotNull @Valid Warehouse warehouse) {

	/**
	 * @param secret the HMAC key shared with the WMS ({@code RETAILHUB_WAREHOUSE_WEBHOOK_SECRET})
	 * @param tolerance how far a signature's timestamp may be from now, either way
	 */
	record Warehouse(@NotBlank String secret, @DefaultValue("5m") @NotNull Duration tolerance) {
	}
}
