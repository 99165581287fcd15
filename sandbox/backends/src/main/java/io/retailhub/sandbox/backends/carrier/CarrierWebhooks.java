package io.retailhub.sandbox.backends.carrier;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.retailhub.sandbox.backends.state.SandboxState;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher;
import io.retailhub.sandbox.backends.webhooks.WebhookFormat;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The carrier's webhooks: EasyPost Event envelopes ({@code tracker.created},
 * {@code tracker.updated}) whose {@code result} is the tracker, signed with {@link HmacSignature},
 * delivered as {@link WebhookDispatcher} does, by the settings of {@code sandbox.carrier.webhooks}.
 */
@Component
class CarrierWebhooks extends WebhookDispatcher {

	static final String TRACKER_CREATED = "tracker.created";

	static final String TRACKER_UPDATED = "tracker.updated";

	CarrierWebhooks(Clock clock, JsonMapper json, CarrierSettings settings, SandboxState state) {
		super("carrier", new Format(), settings.webhooks().settings(), clock, json, state);
	}

	/** What a tracker event is about: the tracker now, and its status before (null when created). */
	record TrackerChange(Tracker tracker, TrackerStatus previousStatus) {
	}

	/**
	 * An EasyPost Event. {@code status} is about the webhook's delivery, not the parcel, whose
	 * status is {@code result.status}; {@code previous_attributes} holds what the change replaced.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	@JsonPropertyOrder({ "id", "object", "mode", "description", "status", "previous_attributes", "result",
			"created_at", "updated_at" })
	record Event(String id, String object, String mode, String description, String status,
			Map<String, Object> previousAttributes, Tracker result, Instant createdAt, Instant updatedAt) {
	}

	private static final class Format implements WebhookFormat {

		@Override
		public Object body(String id, String type, Instant createdAt, Object data) {
			TrackerChange change = (TrackerChange) data;
			Map<String, Object> previous = change.previousStatus() == null ? Map.of()
					: Map.of("status", change.previousStatus());
			return new Event(id, "Event", Tracker.MODE, type, "pending", previous, change.tracker(), createdAt,
					createdAt);
		}

		@Override
		public String signatureHeader() {
			return HmacSignature.HEADER;
		}

		@Override
		public String signature(String secret, Instant attemptAt, byte[] body) {
			return HmacSignature.header(secret, body);
		}

		@Override
		public String userAgent() {
			return "Sandbox-Carrier-Webhooks/1.0";
		}
	}
}
