package io.retailhub.sandbox.backends.warehouse;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.retailhub.sandbox.backends.webhooks.WebhookSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the simulated WMS receives parcels and pushes its webhooks ({@code sandbox.warehouse.*}).
 *
 * @param autoReceiveAfter receive every customer return the hub creates in ERP this long after its
 * creation, in full and in good condition; zero (the default) receives only on demand
 * @param autoReceiveJitter a random extra delay, from zero up to this, added to
 * {@code autoReceiveAfter} for each customer return, so that parcels arrive at scattered moments
 * (zero, the default: exactly {@code autoReceiveAfter})
 * @param autoReceivePollInterval how often the WMS looks for new customer returns while
 * auto-receive is on
 * @param webhooks where and how {@code return_receipt.created} events are delivered
 */
@ConfigurationProperties("sandbox.warehouse")
@Validated
record WarehouseSettings(@DefaultValue("0s") @NotNull Duration autoReceiveAfter,
		@DefaultValue("0s") @NotNull Duration autoReceiveJitter, @DefaultValue("1s") @NotNull Duration autoReceivePollInterval, @DefaultValue @Valid Webhooks webhooks) {

	/**
	 * @param url the subscriber's endpoint; blank means no subscription (nothing is delivered)
	 * @param secret the shared secret the {@code X-WMS-Signature} HMAC is computed with
	 * @param connectTimeout to open a connection to the subscriber
	 * @param timeout for the subscriber to answer one delivery
	 * @param retry when a failed delivery is tried again
	 * @param chaos misbehaviour on purpose: duplicates and reordering
	 */
	record Webhooks(@DefaultValue("") String url, @DefaultValue("whsec_sandbox_wms") @NotBlank String secret,
			@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("15s") @NotNull Duration timeout,
			@DefaultValue @Valid WebhookSettings.Retry retry, @DefaultValue @Valid WebhookSettings.Chaos chaos) {

		WebhookSettings settings() {
			return new WebhookSettings(url, secret, connectTimeout, timeout, retry, chaos);
		}
	}
}
