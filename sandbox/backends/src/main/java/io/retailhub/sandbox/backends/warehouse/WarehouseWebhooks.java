package io.retailhub.sandbox.backends.warehouse;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.retailhub.sandbox.backends.state.SandboxState;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher;
import io.retailhub.sandbox.backends.webhooks.WebhookFormat;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The WMS's webhooks: {@code {"id","type","created_at","data"}} bodies signed with
 * {@link WebhookSignature} ({@value WebhookSignature#HEADER}), delivered as
 * {@link WebhookDispatcher} does, by the settings of {@code sandbox.warehouse.webhooks}.
 */
@Component
class WarehouseWebhooks extends WebhookDispatcher {

	WarehouseWebhooks(Clock clock, JsonMapper json, WarehouseSettings settings, SandboxState state) {
		super("wms", new Format(), settings.webhooks().settings(), clock, json, state);
	}

	/** The webhook body: {@code {"id","type","created_at","data"}}. */
	record EventBody(String id, String type, @JsonProperty("created_at") Instant createdAt, Object data) {
	}

	private static final class Format implements WebhookFormat {

		@Override
		public Object body(String id, String type, Instant createdAt, Object data) {
			return new EventBody(id, type, createdAt, data);
		}

		@Override
		public String signatureHeader() {
			return WebhookSignature.HEADER;
		}

		@Override
		public String signature(String secret, Instant attemptAt, byte[] body) {
			return WebhookSignature.header(secret, attemptAt.getEpochSecond(), body);
		}

		@Override
		public String userAgent() {
			return "Sandbox-WMS-Webhooks/1.0";
		}
	}
}
