package io.retailhub.process.platform.outbox;

import static io.retailhub.process.support.RecordedEvents.header;
import static io.retailhub.process.support.RecordedEvents.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.retailhub.contracts.events.CaseUpdated;
import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventSchemaValidator;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.platform.internal.CorrelationContext;
import io.retailhub.process.support.CaseEvents;
import io.retailhub.process.support.ProcessApiIntegrationTest;
import io.retailhub.process.support.RecordedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@ProcessApiIntegrationTest
class OutboxIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	RecordedEvents events;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@AfterEach
	void clearLogContext() {
		MDC.clear();
	}

	@Test
	void eventAppendedInARolledBackTransactionIsNeverPublished() {
		// given a case whose first event is appended, then rolled back with its transaction
		CaseEvents theCase = CaseEvents.ofANewCase();
		UUID rolledBack = transactions().execute(status -> {
			UUID id = this.outbox.append(theCase.noted("never happened"));
			status.setRollbackOnly();
			return id;
		});

		// when a later event of the same case commits
		UUID committed = transactions().execute(status -> this.outbox.append(theCase.noted("happened")));

		// then only the committed one arrives, and it is the case's first event: the rolled-back
		// sequence number is gone too. The relay publishes a key's events in order, so had the
		// rolled-back event existed, it would have arrived first.
		await().atMost(PATIENCE).until(() -> !this.events.deliveries(committed).isEmpty());
		assertThat(this.events.deliveries(rolledBack)).isEmpty();
		assertThat(sequence(this.events.deliveries(committed).get(0))).isEqualTo(1);
		assertThat(rowCount(rolledBack)).isZero();
	}

	@Test
	void committedEventIsPublishedWithItsCloudEventsEnvelopeAndIncreasingSequence() {
		// given the work runs under a correlation ID and a trace
		MDC.put(CorrelationContext.MDC_KEY, "corr-outbox-1");
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		MDC.put("spanId", "00f067aa0ba902b7");
		CaseEvents theCase = CaseEvents.ofANewCase();
		CaseUpdated first = theCase.noted("first");
		CaseUpdated second = theCase.noted("second");

		// when two events of one case commit, each in its own transaction
		UUID firstId = transactions().execute(status -> this.outbox.append(EventType.CASE_UPDATED, first, null));
		UUID secondId = transactions().execute(status -> this.outbox.append(second));

		// then both are published once, keyed by the order, in binary-mode CloudEvents
		await().atMost(PATIENCE)
			.until(() -> !this.events.deliveries(firstId).isEmpty() && !this.events.deliveries(secondId).isEmpty());
		ConsumerRecord<String, byte[]> record = this.events.deliveries(firstId).get(0);
		assertThat(record.topic()).isEqualTo(Topics.CASES);
		assertThat(record.key()).isEqualTo(theCase.orderId().value());
		assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(firstId.toString());
		assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/retail-hub/process-api");
		assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.retailhub.case.updated.v1");
		assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(theCase.aggregate());
		assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo(CloudEventHeaders.time(first.occurredAt()));
		assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(header(record, CloudEventHeaders.DATA_SCHEMA))
			.isEqualTo(EventType.CASE_UPDATED.schemaId().toString());
		assertThat(header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("corr-outbox-1");
		assertThat(header(record, CloudEventHeaders.TRACE_PARENT))
			.isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(header(record, CloudEventHeaders.SEQUENCE)).isEqualTo("0000000000000000001");
		assertThat(sequence(this.events.deliveries(secondId).get(0))).isEqualTo(2);
		// and the payload is the event, valid against its published schema
		EventSchemaValidator.instance().assertConforms(EventType.CASE_UPDATED.type(), record.value());
		assertThat(this.json.readValue(record.value(), CaseUpdated.class)).isEqualTo(first);
		assertThat(this.events.timesProcessed(firstId)).isEqualTo(1);
		assertThat(publishedAt(firstId)).isNotNull();
	}

	@Test
	void eventsOfOneKeyCommittedTogetherArriveInSequenceOrderAcrossSeveralBatches() {
		// given more events of one case than the relay sends in one batch, committed together
		CaseEvents theCase = CaseEvents.ofANewCase();
		List<UUID> ids = transactions().execute(status -> IntStream.range(0, 250)
			.mapToObj(i -> this.outbox.append(theCase.noted("note " + i)))
			.toList());

		// when the relay hands each batch to the producer at once
		await().atMost(PATIENCE).until(() -> ids.stream().noneMatch(id -> this.events.deliveries(id).isEmpty()));

		// then they arrived in the order they were appended, each once, all marked published
		List<Long> arrivalOrder = this.events.deliveriesOfKey(theCase.orderId().value())
			.stream()
			.map(RecordedEvents::sequence)
			.toList();
		assertThat(arrivalOrder).isSorted().hasSize(250).doesNotHaveDuplicates();
		assertThat(ids).allSatisfy(id -> assertThat(publishedAt(id)).isNotNull());
	}

	@Test
	void eventSentBeforeACommitThatFailedIsSentAgainAndProcessedOnce() {
		// given an event committed to the outbox
		CaseEvents theCase = CaseEvents.ofANewCase();

		// when a relay sends it and then fails to commit (simulated by rolling its transaction
		// back; it holds the relay lock meanwhile, so the running relay cannot step in)
		UUID id = transactions().execute(status -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", OutboxRelay.RELAY_LOCK).query().singleRow();
			UUID appended = newTransaction().execute(inner -> this.outbox.append(theCase.noted("sent twice")));
			this.relay.relayBatch();
			assertThat(publishedAt(appended)).as("marked published inside the doomed transaction").isNotNull();
			status.setRollbackOnly();
			return appended;
		});

		// then the running relay sends it again, and the consumer's inbox processes it once
		await().atMost(PATIENCE).until(() -> this.events.deliveries(id).size() == 2);
		await().atMost(PATIENCE).until(() -> this.events.timesProcessed(id) == 1);
		List<ConsumerRecord<String, byte[]>> deliveries = this.events.deliveries(id);
		assertThat(deliveries).extracting(r -> header(r, CloudEventHeaders.ID)).containsOnly(id.toString());
		assertThat(new String(deliveries.get(1).value(), StandardCharsets.UTF_8))
			.isEqualTo(new String(deliveries.get(0).value(), StandardCharsets.UTF_8));
		assertThat(this.events.timesProcessed(id)).isEqualTo(1);
		await().atMost(PATIENCE).until(() -> publishedAt(id) != null);
	}

	@Test
	void appendOutsideATransactionIsRefused() {
		// given no transaction
		CaseEvents theCase = CaseEvents.ofANewCase();

		// when appending, then the outbox refuses: an event without its state change would be a lie
		assertThatThrownBy(() -> this.outbox.append(theCase.noted("orphan")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void appendWithATypeThatIsNotTheEventsIsRefused() {
		// given an event of one type
		CaseUpdated event = CaseEvents.ofANewCase().noted("typed");

		// when appending it as another type, then the outbox refuses and records nothing
		assertThatThrownBy(() -> transactions()
			.execute(status -> this.outbox.append(EventType.CASE_CLOSED, event, null)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("io.retailhub.case.updated.v1");
	}

	private TransactionTemplate transactions() {
		return new TransactionTemplate(this.transactionManager);
	}

	private TransactionTemplate newTransaction() {
		TransactionTemplate template = new TransactionTemplate(this.transactionManager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return template;
	}

	private long rowCount(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE id = :id").param("id", id).query(Long.class).single();
	}

	private Object publishedAt(UUID id) {
		return this.jdbc.sql("SELECT published_at FROM outbox_event WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> rs.getObject("published_at"))
			.optional()
			.orElse(null);
	}

}
