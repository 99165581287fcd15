package io.retailhub.system.backend;

/**
 * What an idempotent create at a backend answered: the record, and whether this call created it
 * ({@code false}: it existed already, under the same external reference or external ID). Decided by
 * the write itself, so a caller choosing between {@code 201} and {@code 200} needs no read first.
 */
public record CreateOutcome<T>(T value, boolean created) {
}
