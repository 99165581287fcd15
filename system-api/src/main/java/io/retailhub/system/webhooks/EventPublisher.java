package io.retailhub.system.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.EventType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes an event of the hub's language to its topic, keyed by order ID, as a CloudEvent in
 * binary mode ({@link CloudEventHeaders}), and waits until Kafka acknowledged it (the producer
 * is idempotent and waits for all in-sync replicas: {@code system-api.yml}).
 *
 * <p>Used where the system API turns something a backend pushed into an event and must not
 * answer the backend before the event is safe: nothing is stored first, so there is no outbox to
 * publish from later. The backend's redelivery is the retry; the event ID, derived from the
 * backend's own ID, makes a second copy harmless.
 */
@Component
class EventPublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final Duration timeout;

	private final Tracer tracer;

	private final Propagator propagator;

	EventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, WebhookSettings settings, Tracer tracer,
			Propagator propagator) {
		this.kafka = kafka;
		this.json = json;
		this.timeout = settings.publishTimeout();
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * @param id {@code ce_id}, the same for every publication of the same fact
	 * @param sequence {@code ce_sequence}: the event's position among the source's events about
	 * {@link DomainEvent#aggregate()}
	 * @param correlationId {@code ce_correlationid}
	 * @throws EventsUnavailableException when Kafka did not acknowledge in time; the event may or
	 * may not have been written
	 */
	void publish(DomainEvent event, UUID id, long sequence, String correlationId) {
		EventType type = event.eventType();
		List<Header> headers = new ArrayList<>(List.of(header(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0),
				header(CloudEventHeaders.ID, id.toString()),
				header(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_SYSTEM_API),
				header(CloudEventHeaders.TYPE, type.type()), header(CloudEventHeaders.SUBJECT, event.aggregate()),
				header(CloudEventHeaders.TIME, CloudEventHeaders.time(event.occurredAt())),
				header(CloudEventHeaders.DATA_SCHEMA, type.schemaId().toString()),
				header(CloudEventHeaders.SEQUENCE, CloudEventHeaders.sequence(sequence)),
				header(CloudEventHeaders.CORRELATION_ID, correlationId),
				header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON)));
		// the W3C traceparent of the request that brought the event, for its consumers to go on with
		Span span = this.tracer.currentSpan();
		if (span != null) {
			this.propagator.inject(span.context(), headers, (carrier, name, value) -> carrier.add(header(name, value)));
		}
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), null, event.key(),
				json.writeValueAsBytes(event), headers);
		try {
			kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new EventsUnavailableException("Kafka refused event " + id + ": " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new EventsUnavailableException("Kafka did not acknowledge event " + id + " within " + timeout, ex);
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			throw new EventsUnavailableException("Kafka could not take event " + id + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventsUnavailableException("Interrupted while publishing event " + id, ex);
		}
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}
}
