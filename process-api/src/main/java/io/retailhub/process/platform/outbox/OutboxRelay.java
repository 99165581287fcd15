package io.retailhub.process.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.process.platform.internal.StoredTraces;
import io.retailhub.process.platform.polling.PollingLoop;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka, in order, at least once.
 *
 * <p>Each round, in one transaction: claim the oldest unpublished rows
 * ({@code FOR UPDATE SKIP LOCKED}), send each synchronously (the producer is idempotent with
 * {@code acks=all}), mark the sent ones published. A crash after a send and before the commit
 * leaves the row unpublished, so it is sent again: consumers drop the duplicate by its
 * {@code ce_id}. A failed send ends the round there, so no later event of the same key overtakes
 * it.
 *
 * <p>Order across instances: only one relay publishes at a time, whichever holds a PostgreSQL
 * advisory lock for the round. Two relays working side by side could publish one subject's
 * events out of order (the later one would then make consumers discard the earlier one as stale);
 * one relay sending in batches keeps up with hundreds of events per second.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Advisory lock key of the relay ("retailhub-outbox" in ASCII, truncated): any constant unique in this database. */
	static final long RELAY_LOCK = 0x72657461696c6f75L;

	private static final Duration STOP_GRACE = Duration.ofSeconds(5);

	/** How often published rows past their retention are deleted. */
	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	private static final int CLEANUP_BATCH = 1000;

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final OutboxSettings settings;

	private final StoredTraces traces;

	private final PollingLoop loop;

	private volatile Instant nextCleanup = Instant.EPOCH;

	OutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaTemplate<String, byte[]> kafka,
			JsonMapper json, OutboxSettings settings, StoredTraces traces) {
		this.jdbc = jdbc;
		this.traces = traces;
		this.transactions = new TransactionTemplate(transactionManager);
		this.kafka = kafka;
		this.json = json;
		this.settings = settings;
		this.loop = new PollingLoop("outbox-relay", settings.pollInterval(), this::round);
	}

	/** Starts a round now: called after a commit that appended events. */
	void wakeUp() {
		this.loop.wakeUp();
	}

	private boolean round() {
		boolean more = relayBatch();
		if (Instant.now().isAfter(this.nextCleanup)) {
			deletePublished();
			this.nextCleanup = Instant.now().plus(CLEANUP_INTERVAL);
		}
		return more;
	}

	/**
	 * Publishes one batch in one transaction (joining the caller's, if any).
	 * @return true when a full batch went out, so more rows are probably waiting
	 */
	boolean relayBatch() {
		Boolean more = this.transactions.execute(status -> {
			boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
				.param("key", RELAY_LOCK)
				.query(Boolean.class)
				.single();
			if (!locked) {
				return false;
			}
			List<PendingEvent> batch = this.jdbc.sql("""
					SELECT id, topic, message_key, payload::text AS payload, headers::text AS headers
					FROM outbox_event
					WHERE published_at IS NULL
					ORDER BY created_at, sequence
					LIMIT :limit
					FOR UPDATE SKIP LOCKED""")
				.param("limit", this.settings.batchSize())
				.query((rs, row) -> new PendingEvent(rs.getObject("id", UUID.class), rs.getString("topic"),
						rs.getString("message_key"), rs.getString("payload"), rs.getString("headers")))
				.list();
			List<UUID> published = sendInOrder(batch);
			if (!published.isEmpty()) {
				this.jdbc.sql("UPDATE outbox_event SET published_at = now() WHERE id = ANY(:ids)")
					.param("ids", published.toArray(UUID[]::new))
					.update();
			}
			return published.size() == this.settings.batchSize();
		});
		return Boolean.TRUE.equals(more);
	}

	/**
	 * Hands the whole batch to the producer at once, then waits for the acknowledgements in order.
	 * The idempotent producer keeps each partition's records in send order, so nothing is
	 * reordered; one round trip per batch instead of per record. The rows up to the first failure
	 * are marked published; the rest stay queued and go out again (a record that did reach the
	 * broker is then published twice, which consumers ignore by event ID).
	 */
	private List<UUID> sendInOrder(List<PendingEvent> batch) {
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
		for (PendingEvent event : batch) {
			try {
				ProducerRecord<String, byte[]> record = record(event);
				// sent in the trace of the transaction that recorded it, which the record's ce_traceparent
				// names; its traceparent header, which consumers continue, is this send's span
				try (StoredTraces.Scope trace = this.traces
					.resume("outbox publish", header(record, CloudEventHeaders.TRACE_PARENT))
					.tag("messaging.destination.name", event.topic())) {
					trace.inject((name, value) -> record.headers()
						.remove(name)
						.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
					sends.add(this.kafka.send(record));
				}
			}
			catch (RuntimeException ex) {
				log.warn("could not publish outbox event {} to {}; it stays queued and is retried", event.id(),
						event.topic(), ex);
				break;
			}
		}
		long deadline = System.nanoTime() + this.settings.sendTimeout().toNanos();
		List<UUID> published = new ArrayList<>(sends.size());
		for (int i = 0; i < sends.size(); i++) {
			PendingEvent event = batch.get(i);
			try {
				sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				published.add(event.id());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				log.warn("could not publish outbox event {} to {}; it stays queued and is retried", event.id(),
						event.topic(), ex);
				break;
			}
		}
		return published;
	}

	private static String header(ProducerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private ProducerRecord<String, byte[]> record(PendingEvent event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), null, event.key(),
				event.payload().getBytes(StandardCharsets.UTF_8));
		this.json.readValue(event.headers(), HEADERS)
			.forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
		return record;
	}

	private void deletePublished() {
		int deleted = this.jdbc.sql("""
				DELETE FROM outbox_event WHERE id IN (
					SELECT id FROM outbox_event
					WHERE published_at < now() - CAST(:retention AS interval)
					LIMIT :limit)""")
			.param("retention", this.settings.retention().toSeconds() + " seconds")
			.param("limit", CLEANUP_BATCH)
			.update();
		if (deleted > 0) {
			log.debug("deleted {} published outbox events older than {}", deleted, this.settings.retention());
		}
	}

	/** Starts before the step workers and listeners, stops after them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 200;
	}

	@Override
	public void start() {
		this.loop.start();
	}

	/**
	 * Stops polling. A round still sending after a short grace is interrupted: its transaction rolls
	 * back and its events go out again later (at least once, never lost).
	 */
	@Override
	public void stop() {
		this.loop.stop(STOP_GRACE);
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

	private record PendingEvent(UUID id, String topic, String key, String payload, String headers) {
	}

}
