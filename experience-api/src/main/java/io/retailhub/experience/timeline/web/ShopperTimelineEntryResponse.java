package io.retailhub.experience.timeline.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.experience.timeline.EntryKind;
import io.retailhub.experience.timeline.TimelineEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A timeline entry as the customer sees it in the portal: what happened and when, with only the
 * details meant for them (amounts, RMA, dates, tracking), never internal identifiers, operator
 * notes or who in the hub acted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShopperTimelineEntryResponse(long id, String orderId, UUID returnId, Instant occurredAt, EntryKind kind,
		String title, JsonNode detail) {

	/** Detail members a customer may see. */
	static final Set<String> SHOPPER_DETAIL = Set.of("rmaNumber", "expiresAt", "estimatedRefund", "refundAmount",
			"refundedAmount", "amount", "returnShippingFee", "lines", "channel", "placedAt", "total", "carrier",
			"trackingNumber", "shippedAt", "deliveredAt", "receivedAt", "status", "comment", "reasons");

	static ShopperTimelineEntryResponse of(TimelineEntry entry) {
		ObjectNode detail = JsonNodeFactory.instance.objectNode();
		if (entry.detail() != null && entry.detail().isObject()) {
			for (String member : SHOPPER_DETAIL) {
				JsonNode value = entry.detail().get(member);
				if (value != null) {
					detail.set(member, value);
				}
			}
		}
		String title = entry.kind() == EntryKind.RETURN_CANCELED ? "Return canceled" : entry.title();
		return new ShopperTimelineEntryResponse(entry.id(), entry.orderId(), entry.returnId(), entry.occurredAt(),
				entry.kind(), title, detail);
	}

}
