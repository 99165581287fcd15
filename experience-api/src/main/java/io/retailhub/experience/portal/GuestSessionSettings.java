package io.retailhub.experience.portal;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code POST /api/portal/v1/guest-sessions} resists guessing.
 *
 * @param perClient attempts one client address may make in a window
 * @param perOrder attempts on one order number, from anywhere, in a window
 * @param minAnswerTime every answer but a 429 takes at least this long, so an unknown order, a
 * wrong e-mail and a right one cannot be told apart by timing
 */
@Validated
@ConfigurationProperties("retailhub.experience.guest")
record GuestSessionSettings(@DefaultValue("10") @Min(1) int perClientAttempts,
		@DefaultValue("1m") Duration perClientWindow, @DefaultValue("5") @Min(1) int perOrderAttempts,
		@DefaultValue("15m") Duration perOrderWindow, @DefaultValue("1s") Duration minAnswerTime) {
}
