package io.retailhub.sandbox.backends.payment;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the simulated Stripe account behaves. {@code rateLimitPerSecond}: requests per second
 * (fixed one-second windows) before answering 429; {@code idempotencyKeyTtl}: how long an
 * {@code Idempotency-Key} and its saved response are kept (Stripe prunes keys after 24 hours).
 */
@ConfigurationProperties("sandbox.payment")
@Validated
record PaymentSandboxSettings(@DefaultValue("1000") @Min(1) int rateLimitPerSecond,
		@DefaultValue("24h") Duration idempotencyKeyTtl) {
}
