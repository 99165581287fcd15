package io.retailhub.experience.portal;

import java.time.Instant;

/** A bearer token for the portal, valid for {@code orderId} alone until {@code expiresAt}. */
record GuestSessionResponse(String accessToken, String tokenType, Instant expiresAt, String orderId) {
}
