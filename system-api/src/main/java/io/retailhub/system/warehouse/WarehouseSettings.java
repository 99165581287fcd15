package io.retailhub.system.warehouse;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the WMS is and how the hub authenticates to it. {@code baseUrl} is the API host without
 * {@code /api/v1}; location names change rarely and are cached for {@code locationCacheTtl}.
 */
@ConfigurationProperties("retailhub.backends.warehouse")
@Validated
record WarehouseSettings(@NotBlank String baseUrl, @NotBlank String apiKey,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("10m") Duration locationCacheTtl) {
}
