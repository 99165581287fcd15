package io.retailhub.system.commerce;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Shopify store is and how the hub authenticates to it. {@code baseUrl} plays the role
 * of {@code https://{shop}.myshopify.com}; {@code apiVersion} is the Admin REST version in the
 * path. The return policy changes rarely and is cached for {@code policyCacheTtl}.
 */
@ConfigurationProperties("retailhub.backends.commerce")
@Validated
record CommerceSettings(@NotBlank String baseUrl, @NotBlank String accessToken,
		@DefaultValue("2025-04") @NotBlank String apiVersion, @DefaultValue("1s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("60s") Duration policyCacheTtl) {
}
