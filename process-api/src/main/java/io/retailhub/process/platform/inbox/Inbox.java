package io.retailhub.process.platform.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a Kafka consumer idempotent and immune to stale events. Call both checks in the
 * transaction that applies the event, before changing anything:
 *
 * <pre>{@code
 * @Transactional
 * void on(IncomingEvent event) {
 *     if (!inbox.firstDelivery(CONSUMER, event.id())) return;                              // duplicate
 *     if (event.sequence() != null && !inbox.isCurrent(CONSUMER, event.subject(), event.sequence())) return; // stale
 *     ... change state, append to the outbox ...
 * }
 * }</pre>
 *
 * The inbox row commits with the state change or not at all: a redelivery after a crash before
 * the commit is processed normally, one after the commit is skipped. Two instances delivering the
 * same event at once serialise on the row; the second sees it and skips.
 *
 * <p>A consumer name is stable and unique per purpose (e.g. {@code returns.warehouse-receipts}).
 * Sequences are scoped by the event's {@code ce_subject}: the producer numbers each subject's
 * events 1, 2, 3..., and each subject is published by one service.
 */
@Component
public class Inbox {

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that {@code consumer} processes the event now.
	 * @return false when it already did (the event is a duplicate: skip it)
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, String eventId) {
		return this.jdbc.sql("""
				INSERT INTO inbox (consumer, event_id, received_at) VALUES (:consumer, :eventId, now())
				ON CONFLICT (consumer, event_id) DO NOTHING""")
			.param("consumer", require(consumer, "consumer"))
			.param("eventId", require(eventId, "eventId"))
			.update() == 1;
	}

	/**
	 * Advances the consumer's position for the aggregate if {@code sequence} is newer than anything
	 * it applied before.
	 * @param aggregateId the event's {@code ce_subject}
	 * @return false when the event is stale or a duplicate (at or below the last sequence applied)
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean isCurrent(String consumer, String aggregateId, long sequence) {
		return this.jdbc.sql("""
				INSERT INTO consumed_sequence (consumer, aggregate_id, last_sequence)
				VALUES (:consumer, :aggregate, :sequence)
				ON CONFLICT (consumer, aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
				WHERE consumed_sequence.last_sequence < EXCLUDED.last_sequence""")
			.param("consumer", require(consumer, "consumer"))
			.param("aggregate", require(aggregateId, "aggregateId"))
			.param("sequence", sequence)
			.update() == 1;
	}

	private static String require(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

}
