package io.retailhub.system.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.system.webhooks.WarehouseWebhookPayloads.Event;
import io.retailhub.system.webhooks.WarehouseWebhookPayloads.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Turns the WMS's signed webhooks into hub events. For a {@code return_receipt.created}: check
 * the signature over the raw bytes, read the receipt, publish {@link ReturnReceived} on
 * {@code retail.returns.v1} and answer only once Kafka has it. The event's {@code ce_id} is
 * derived from the WMS event ID, so every redelivery (before or after a restart of this service)
 * publishes, if at all, the same event; redeliveries seen lately are not published again. Other
 * event types are acknowledged and ignored, so the WMS stops sending them.
 *
 * <p>Metrics: {@value #RECEIVED} by outcome, {@value #SIGNATURE_FAILURES} by reason.
 */
@Service
class WarehouseWebhookManagement {

	static final String SOURCE = "warehouse";

	static final String RECEIVED = "retailhub.webhooks.received";

	static final String SIGNATURE_FAILURES = "retailhub.webhooks.signature.failures";

	private static final Logger log = LoggerFactory.getLogger(WarehouseWebhookManagement.class);

	private final WebhookSettings.Warehouse settings;

	private final EventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final RecentEventIds recent;

	WarehouseWebhookManagement(WebhookSettings settings, EventPublisher events, JsonMapper json, Clock clock,
			MeterRegistry meters) {
		this.settings = settings.warehouse();
		this.events = events;
		this.json = WarehouseWebhookPayloads.reader(json);
		this.clock = clock;
		this.meters = meters;
		this.recent = new RecentEventIds(settings.recentEventIds());
	}

	/**
	 * @param signature the {@code X-WMS-Signature} header, null when absent
	 * @param body the request body exactly as received
	 * @param correlationId the request's correlation ID, carried by the event
	 * @throws InvalidWebhookSignatureException when the signature is missing, wrong or stale
	 * @throws MalformedWebhookException when the signed body cannot be read
	 * @throws EventsUnavailableException when Kafka did not take the event
	 */
	WebhookAcknowledgement receive(String signature, byte[] body, String correlationId) {
		try {
			WebhookSignature.verify(signature, body, settings.secret(), clock.instant(), settings.tolerance());
		}
		catch (InvalidWebhookSignatureException ex) {
			count(Outcome.UNAUTHORIZED);
			Counter.builder(SIGNATURE_FAILURES)
				.description("Webhooks refused because their signature was missing, malformed, wrong or stale")
				.tag("source", SOURCE)
				.tag("reason", ex.reason().tag())
				.register(meters)
				.increment();
			log.warn("Refused a warehouse webhook: {}", ex.reason().detail());
			throw ex;
		}
		try {
			return publish(WarehouseWebhookPayloads.event(json, body), correlationId);
		}
		catch (MalformedWebhookException ex) {
			count(Outcome.MALFORMED);
			log.warn("Refused a signed warehouse webhook that cannot be read: {} {}", ex.getMessage(), ex.errors());
			throw ex;
		}
		catch (EventsUnavailableException ex) {
			count(Outcome.UNAVAILABLE);
			log.warn("Warehouse webhook not accepted, the WMS will deliver it again: {}", ex.getMessage());
			throw ex;
		}
	}

	private WebhookAcknowledgement publish(Event event, String correlationId) {
		if (!WarehouseWebhookPayloads.RETURN_RECEIPT_CREATED.equals(event.type())) {
			count(Outcome.IGNORED);
			log.info("Ignored warehouse webhook {} of type {}: the hub does not use it", event.id(), event.type());
			return new WebhookAcknowledgement(event.id(), Outcome.IGNORED.tag(), null);
		}
		UUID eventId = eventId(event.id());
		if (recent.contains(event.id())) {
			count(Outcome.DUPLICATE);
			log.debug("Warehouse webhook {} is a redelivery; event {} was published already", event.id(), eventId);
			return new WebhookAcknowledgement(event.id(), Outcome.DUPLICATE.tag(), eventId);
		}
		Receipt receipt = event.receipt(json);
		ReturnReceived received = receipt.toEvent(clock.instant());
		events.publish(received, eventId, receipt.sequence(), correlationId);
		recent.add(event.id());
		count(Outcome.PUBLISHED);
		log.info("Receipt {} for RMA {} (sequence {}) published as event {}", received.receiptId(),
				received.rmaNumber(), receipt.sequence(), eventId);
		return new WebhookAcknowledgement(event.id(), Outcome.PUBLISHED.tag(), eventId);
	}

	/** The hub event ID of a WMS event: a name-based UUID of {@code warehouse:<WMS event ID>}. */
	static UUID eventId(String wmsEventId) {
		return UUID.nameUUIDFromBytes((SOURCE + ":" + wmsEventId).getBytes(StandardCharsets.UTF_8));
	}

	private void count(Outcome outcome) {
		Counter.builder(RECEIVED)
			.description("Backend webhooks received, by what became of them")
			.tag("source", SOURCE)
			.tag("outcome", outcome.tag())
			.register(meters)
			.increment();
	}

	enum Outcome {

		PUBLISHED, DUPLICATE, IGNORED, UNAUTHORIZED, MALFORMED, UNAVAILABLE;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * What the WMS is answered with a 200.
	 * @param webhookId the WMS event ID
	 * @param outcome published, duplicate (published before) or ignored (a type the hub does not use)
	 * @param eventId the hub event ID ({@code ce_id}), absent when ignored
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record WebhookAcknowledgement(String webhookId, String outcome, UUID eventId) {
	}
}
