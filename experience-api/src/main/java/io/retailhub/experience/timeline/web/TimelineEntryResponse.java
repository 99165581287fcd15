package io.retailhub.experience.timeline.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.experience.timeline.EntryKind;
import io.retailhub.experience.timeline.TimelineEntry;
import tools.jackson.databind.JsonNode;

/** A timeline entry as the agent desktop sees it: everything the hub knows about the fact. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntryResponse(long id, String orderId, String customerId, UUID returnId, Instant occurredAt,
		EntryKind kind, String title, JsonNode detail, String actor, String source, String eventId) {

	static TimelineEntryResponse of(TimelineEntry entry) {
		return new TimelineEntryResponse(entry.id(), entry.orderId(), entry.customerId(), entry.returnId(),
				entry.occurredAt(), entry.kind(), entry.title(), entry.detail(), entry.actor(), entry.source(),
				entry.eventId());
	}

}
