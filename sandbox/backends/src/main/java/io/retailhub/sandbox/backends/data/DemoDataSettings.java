package io.retailhub.sandbox.backends.data;

import java.time.Instant;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How big the demo world is and where its dates sit. {@code anchor} defaults to the start of the
 * current day (UTC); set it to reproduce dates exactly.
 */
@ConfigurationProperties("sandbox.data")
@Validated
public record DemoDataSettings(@DefaultValue("" + DemoData.DEFAULT_SEED) long seed,
		@DefaultValue("300") @Min(4) int customers, @DefaultValue("3000") @Min(6) int orders, Instant anchor) {
}
