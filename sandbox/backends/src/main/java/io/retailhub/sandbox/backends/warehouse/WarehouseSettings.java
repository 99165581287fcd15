package io.retailhub.sandbox.backends.warehouse;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

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
			@DefaultValue @Valid Retry retry, @DefaultValue @Valid Chaos chaos) {
	}

	/**
	 * Exponential backoff: the n-th retry waits {@code initialBackoff * multiplier^(n-1)}, at most
	 * {@code maxBackoff}; a delivery still failing {@code maxAge} after its event was created is
	 * given up (state FAILED).
	 */
	record Retry(@DefaultValue("1s") @NotNull Duration initialBackoff,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier, @DefaultValue("1m") @NotNull Duration maxBackoff,
			@DefaultValue("24h") @NotNull Duration maxAge) {

		Retry {
			if (initialBackoff.isNegative() || initialBackoff.isZero()) {
				throw new IllegalArgumentException("initial-backoff must be positive");
			}
		}

		Duration backoff(int attempts) {
			double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
			return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
		}
	}

	/**
	 * @param duplicateProbability share of events (0..1) delivered a second time right after the
	 * first successful delivery
	 * @param outOfOrderProbability share of events (0..1) held back and delivered after the next
	 * event; at most one event is held at a time
	 * @param maxHold a held event is released after this long even if no next event came
	 */
	record Chaos(@DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double duplicateProbability,
			@DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double outOfOrderProbability,
			@DefaultValue("30s") @NotNull Duration maxHold) {
	}
}
