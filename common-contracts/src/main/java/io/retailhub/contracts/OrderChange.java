package io.retailhub.contracts;

import java.time.Instant;

/**
 * An order (header and lines) as ERP holds it after its last change, with the time of that change:
 * one entry of the system API's "orders changed since" read, which a poller walks by
 * ({@code lastChangedAt}, {@code order.id()}).
 */
public record OrderChange(Instant lastChangedAt, Order order) {
}
