package io.retailhub.system.payment;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the payment provider is and the hub's secret key for it. {@code baseUrl} plays
 * {@code https://api.stripe.com} (the API paths start with {@code /v1}).
 */
@ConfigurationProperties("retailhub.backends.payment")
@Validated
record PaymentSettings(@DefaultValue("http://localhost:8090/payment") @NotBlank String baseUrl,
		@NotBlank String secretKey, @DefaultValue("1s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout) {
}
