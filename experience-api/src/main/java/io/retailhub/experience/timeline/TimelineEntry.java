package io.retailhub.experience.timeline;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One fact about an order, from whichever system told it.
 *
 * @param id the entry's number, increasing in the order entries were recorded; the {@code id:}
 * of its Server-Sent Event
 * @param orderId the order
 * @param customerId the order's customer; null while it is not known yet
 * @param returnId the hub's return the fact belongs to, if any
 * @param occurredAt when it happened
 * @param kind what happened
 * @param title the fact in human words
 * @param detail the fact's data: the event's payload, or what the order lookup read
 * @param actor who did it ({@code agent:agent.ava}, {@code customer:17100001}), when a person did
 * and the source said who
 * @param source the system that told: {@code process-api}, {@code system-api}
 * @param eventId the event's {@code ce_id}, or the key of a fact read from the order lookup
 * @param shopperVisible whether the customer sees it in the portal
 */
public record TimelineEntry(long id, String orderId, String customerId, UUID returnId, Instant occurredAt,
		EntryKind kind, String title, JsonNode detail, String actor, String source, String eventId,
		boolean shopperVisible) {
}
