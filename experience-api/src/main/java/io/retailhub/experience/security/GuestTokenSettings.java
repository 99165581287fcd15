package io.retailhub.experience.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's guest tokens: signed by experience-api itself (HS256), valid for one order.
 *
 * @param secret the HMAC key, at least 32 bytes ({@code RETAILHUB_GUEST_TOKEN_SECRET}); when
 * empty, each start draws a random one: tokens then die with the instance, and instances do not
 * accept each other's, so set it when running more than one
 * @param ttl how long a guest token lives
 * @param issuer the {@code iss} of guest tokens, which tells them apart from the identity
 * provider's
 */
@ConfigurationProperties("retailhub.experience.guest.token")
public record GuestTokenSettings(@DefaultValue("") String secret, @DefaultValue("15m") Duration ttl,
		@DefaultValue("urn:retailhub:experience-api:guest") String issuer) {
}
