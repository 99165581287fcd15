package io.retailhub.process.platform.steps;

import java.time.Instant;

/**
 * One thing that happened to a workflow, for people: {@code kind} is a stable dotted word
 * ({@code step.parked}, {@code return.authorized}), {@code detail} a sentence, {@code actor} the person
 * who caused it ({@code agent:agent.ava}), null for the workflow's own doing and when nobody was named.
 */
public record TimelineEntry(Instant at, String kind, String detail, String actor) {

	public TimelineEntry(Instant at, String kind, String detail) {
		this(at, kind, detail, null);
	}
}
