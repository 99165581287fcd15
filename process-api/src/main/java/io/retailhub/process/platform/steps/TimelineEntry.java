package io.retailhub.process.platform.steps;

import java.time.Instant;

/**
 * One thing that happened to a workflow, for people: {@code kind} is a stable dotted word
 * ({@code step.parked}, {@code return.authorized}), {@code detail} a sentence.
 */
public record TimelineEntry(Instant at, String kind, String detail) {
}
