package io.retailhub.sandbox.backends.carrier;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.retailhub.sandbox.backends.webhooks.WebhookSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the simulated carrier moves parcels and pushes its webhooks ({@code sandbox.carrier.*}).
 *
 * @param autoAdvanceAfter move every tracker created while this is on one step along
 * pre_transit, in_transit, out_for_delivery, delivered each time this long has passed since its
 * last scan; zero (the default) moves trackers only by scans posted to the admin API
 * @param autoAdvancePollInterval how often the carrier looks for trackers due a step while
 * auto-advance is on
 * @param webhooks where and how {@code tracker.created} and {@code tracker.updated} events are
 * delivered
 */
@ConfigurationProperties("sandbox.carrier")
@Validated
record CarrierSettings(@DefaultValue("0s") @NotNull Duration autoAdvanceAfter,
		@DefaultValue("1s") @NotNull Duration autoAdvancePollInterval, @DefaultValue @Valid Webhooks webhooks) {

	/**
	 * @param url the subscriber's endpoint; blank means no subscription (nothing is delivered)
	 * @param secret the webhook secret the {@code X-Hmac-Signature} HMAC is keyed with (NFKD-normalized)
	 * @param connectTimeout to open a connection to the subscriber
	 * @param timeout for the subscriber to answer one delivery
	 * @param retry when a failed delivery is tried again
	 * @param chaos misbehaviour on purpose: duplicates and reordering
	 */
	record Webhooks(@DefaultValue("") String url, @DefaultValue("sandbox-carrier-webhook-secret") @NotBlank String secret,
			@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("15s") @NotNull Duration timeout,
			@DefaultValue @Valid WebhookSettings.Retry retry, @DefaultValue @Valid WebhookSettings.Chaos chaos) {

		WebhookSettings settings() {
			return new WebhookSettings(url, secret, connectTimeout, timeout, retry, chaos);
		}
	}
}
