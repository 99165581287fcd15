package io.retailhub.experience.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry about to be recorded. {@code customerId} is the one the fact itself carries (null when
 * it carries none: the order's known customer is filled in when it is recorded).
 */
record NewEntry(String eventId, String orderId, String customerId, UUID returnId, Instant occurredAt, EntryKind kind,
		String title, String detailJson, String actor, String source, long sequence, boolean shopperVisible) {
}
