package io.retailhub.sandbox.backends.state;

import java.time.Instant;

/**
 * What the seeded demo data was generated from: the same world comes out of the same four values.
 * A snapshot is restored only onto the world it was taken in.
 */
public record World(long seed, int customers, int orders, Instant anchor) {
}
