package io.retailhub.sandbox.backends.webhooks;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one backend pushes its webhooks. Each backend binds its own ({@code sandbox.warehouse.webhooks.*},
 * {@code sandbox.carrier.webhooks.*}), with its own default secret, and hands this to its
 * {@link WebhookDispatcher}; {@link Retry} and {@link Chaos} are bound as they are.
 *
 * @param url the subscriber's endpoint; blank means no subscription (nothing is delivered)
 * @param secret the shared secret deliveries are signed with
 * @param connectTimeout to open a connection to the subscriber
 * @param timeout for the subscriber to answer one delivery
 * @param retry when a failed delivery is tried again
 * @param chaos misbehaviour on purpose: duplicates and reordering
 */
public record WebhookSettings(String url, String secret, Duration connectTimeout, Duration timeout, Retry retry,
		Chaos chaos) {

	/**
	 * Exponential backoff: the n-th retry waits {@code initialBackoff * multiplier^(n-1)}, at most
	 * {@code maxBackoff}; a delivery still failing {@code maxAge} after its event was created is
	 * given up (state FAILED).
	 */
	public record Retry(@DefaultValue("1s") @NotNull Duration initialBackoff,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier, @DefaultValue("1m") @NotNull Duration maxBackoff,
			@DefaultValue("24h") @NotNull Duration maxAge) {

		public Retry {
			if (initialBackoff.isNegative() || initialBackoff.isZero()) {
				throw new IllegalArgumentException("initial-backoff must be positive");
			}
		}

		public Duration backoff(int attempts) {
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
	public record Chaos(@DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double duplicateProbability,
			@DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double outOfOrderProbability,
			@DefaultValue("30s") @NotNull Duration maxHold) {
	}
}
