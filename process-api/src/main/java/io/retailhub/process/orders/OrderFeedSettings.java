package io.retailhub.process.orders;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the order feed polls ERP (through the system API) for confirmed orders.
 *
 * @param enabled whether this instance polls at all (instances that do not still share the work
 * of those that do: only one polls at a time anyway)
 * @param pollInterval pause between polls; a poll reads every page that is waiting before it pauses
 * @param startAt the first start's cursor: orders changed before it are never confirmed. Only read
 * when the feed has no cursor yet; empty means "the moment the feed first starts", so a new
 * installation does not replay ERP's history unless told to
 * @param overlap how far behind its cursor each poll reads again, for changes ERP commits late or
 * stamps with a slightly earlier clock; re-read orders are confirmed once
 * @param batchSize orders per page read from the system API (at most 500)
 */
@Validated
@ConfigurationProperties("retailhub.orders.feed")
record OrderFeedSettings(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
		Instant startAt, @DefaultValue("30s") Duration overlap,
		@DefaultValue("100") @Min(1) @Max(500) int batchSize) {

	OrderFeedSettings {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("retailhub.orders.feed.poll-interval must be positive");
		}
		if (overlap.isNegative()) {
			throw new IllegalArgumentException("retailhub.orders.feed.overlap must not be negative");
		}
	}
}
