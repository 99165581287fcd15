package io.retailhub.contracts;

import java.time.Instant;

/** A note on a case; {@code published} ones are visible to the customer. */
public record CaseComment(String body, boolean published, Instant createdAt) {
}
