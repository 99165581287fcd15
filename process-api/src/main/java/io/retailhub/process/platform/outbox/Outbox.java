package io.retailhub.process.platform.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.DomainEvent;
import io.retailhub.contracts.events.EventType;
import io.retailhub.process.platform.internal.CorrelationContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records events in the transaction of the state change they announce (the transactional outbox):
 * if that transaction rolls back, the event never existed; once it commits, the relay publishes
 * the event to Kafka at least once, whatever crashes in between. Never send to Kafka beside a
 * database write: append here instead.
 *
 * <p>Each event gets its CloudEvents envelope now, once: a fresh {@code ce_id} (kept on every
 * re-publication, so consumers can drop duplicates), {@code ce_source} process-api, the next
 * {@code ce_sequence} of its subject, the correlation ID of the current work (from the MDC; a new
 * one when there is none, because the envelope requires it) and the {@code traceparent} of the
 * current span when tracing is on.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final OutboxRelay relay;

	private final List<CommittedEvents> listeners;

	Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, ObjectProvider<CommittedEvents> listeners) {
		this.jdbc = jdbc;
		this.json = json;
		this.relay = relay;
		this.listeners = listeners.orderedStream().toList();
	}

	/**
	 * Records an event for publication on {@code type.topic()}, keyed by its order ID.
	 * @param type the event's type; must be the type of {@code event}
	 * @param event the payload
	 * @param subject the aggregate the event is about ({@code ce_subject}, e.g.
	 * {@code returns/<uuid>}), which scopes {@code ce_sequence}; null means {@code event.aggregate()}
	 * @return the event's ID ({@code ce_id})
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
	 * @throws IllegalArgumentException when {@code type} is not the type of {@code event}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID append(EventType type, DomainEvent event, String subject) {
		if (type == null || event == null) {
			throw new IllegalArgumentException("type and event are required");
		}
		if (EventType.of(event) != type) {
			throw new IllegalArgumentException(
					"event " + event.getClass().getSimpleName() + " is of type " + EventType.of(event).type() + ", not "
							+ type.type());
		}
		String aggregate = subject != null && !subject.isBlank() ? subject : event.aggregate();
		UUID id = UUID.randomUUID();
		// the upsert locks the subject's row until commit: appends for one subject serialise, and
		// their sequences commit in order
		long sequence = this.jdbc.sql("""
				INSERT INTO aggregate_sequence (aggregate_id, last_sequence) VALUES (:aggregate, 1)
				ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = aggregate_sequence.last_sequence + 1
				RETURNING last_sequence""")
			.param("aggregate", aggregate)
			.query(Long.class)
			.single();
		Map<String, String> headers = headers(id, type, event, aggregate, sequence);
		this.jdbc.sql("""
				INSERT INTO outbox_event (id, topic, message_key, event_type, subject, sequence, payload, headers)
				VALUES (:id, :topic, :key, :type, :subject, :sequence, CAST(:payload AS jsonb), CAST(:headers AS jsonb))""")
			.param("id", id)
			.param("topic", type.topic())
			.param("key", event.key())
			.param("type", type.type())
			.param("subject", aggregate)
			.param("sequence", sequence)
			.param("payload", this.json.writeValueAsString(event))
			.param("headers", this.json.writeValueAsString(headers))
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.wakeUp();
				for (CommittedEvents listener : Outbox.this.listeners) {
					try {
						listener.committed(event);
					}
					catch (RuntimeException ex) {
						// the fact is recorded and will be published: a listener's failure changes nothing of it
					}
				}
			}
		});
		return id;
	}

	/** Records an event under its own type and subject; see {@link #append(EventType, DomainEvent, String)}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID append(DomainEvent event) {
		return append(EventType.of(event), event, event.aggregate());
	}

	private static Map<String, String> headers(UUID id, EventType type, DomainEvent event, String subject, long sequence) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		headers.put(CloudEventHeaders.ID, id.toString());
		headers.put(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_PROCESS_API);
		headers.put(CloudEventHeaders.TYPE, type.type());
		headers.put(CloudEventHeaders.SUBJECT, subject);
		headers.put(CloudEventHeaders.TIME, CloudEventHeaders.time(event.occurredAt()));
		headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
		headers.put(CloudEventHeaders.DATA_SCHEMA, type.schemaId().toString());
		headers.put(CloudEventHeaders.CORRELATION_ID,
				CorrelationContext.correlationId().orElseGet(() -> UUID.randomUUID().toString()));
		CorrelationContext.traceparent().ifPresent(traceparent -> headers.put(CloudEventHeaders.TRACE_PARENT, traceparent));
		headers.put(CloudEventHeaders.SEQUENCE, CloudEventHeaders.sequence(sequence));
		return headers;
	}

}
