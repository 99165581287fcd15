package io.retailhub.process.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.platform.inbox.Inbox;
import io.retailhub.process.platform.inbox.IncomingEvent;
import io.retailhub.process.platform.kafka.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two consumers written the way a domain listener is, recording what they see. Their consumer
 * group and inbox name are unique to the application context, so every context in the test JVM
 * sees every record and counts only its own processing.
 *
 * <ul>
 * <li>On {@value Topics#CASES}: every delivery, then processing through the {@link Inbox} in a
 * transaction (so a redelivered event is processed once).</li>
 * <li>On {@value #TEST_TOPIC}: a payload {@code {"kind": "..."}} whose kind the consumer does not
 * accept is poison ({@link PoisonEventException}); a test "deploys a fix" with {@link #accept}.</li>
 * </ul>
 */
public class RecordedEvents {

	public static final String TEST_TOPIC = "retailhub.platform-test.v1";

	private final String consumer = "platform-tests-" + UUID.randomUUID();

	private final Inbox inbox;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Map<String, List<ConsumerRecord<String, byte[]>>> deliveries = new ConcurrentHashMap<>();

	private final Map<String, List<ConsumerRecord<String, byte[]>>> deliveriesByKey = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

	private final Set<String> acceptedKinds = ConcurrentHashMap.newKeySet();

	RecordedEvents(Inbox inbox, JsonMapper json, PlatformTransactionManager transactionManager) {
		this.inbox = inbox;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
		this.acceptedKinds.add("ordinary");
	}

	@KafkaListener(id = "platform-tests-cases", topics = Topics.CASES,
			groupId = "platform-tests-cases-#{T(java.util.UUID).randomUUID()}")
	void onCase(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = IncomingEvent.from(record);
		this.deliveries.computeIfAbsent(event.id(), id -> new CopyOnWriteArrayList<>()).add(record);
		this.deliveriesByKey.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>()).add(record);
		process(event);
	}

	@KafkaListener(id = "platform-tests-events", topics = TEST_TOPIC,
			groupId = "platform-tests-events-#{T(java.util.UUID).randomUUID()}")
	void onTestEvent(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = IncomingEvent.from(record);
		this.deliveries.computeIfAbsent(event.id(), id -> new CopyOnWriteArrayList<>()).add(record);
		JsonNode payload = event.payloadAs(this.json, JsonNode.class);
		String kind = payload.path("kind").asString();
		if (!this.acceptedKinds.contains(kind)) {
			throw new PoisonEventException("this consumer does not know events of kind '" + kind + "'");
		}
		process(event);
	}

	private void process(IncomingEvent event) {
		this.transactions.executeWithoutResult(status -> {
			if (this.inbox.firstDelivery(this.consumer, event.id())) {
				this.processed.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
			}
		});
	}

	/** From now on, events of this kind are processed (the fix for them is deployed). */
	public void accept(String kind) {
		this.acceptedKinds.add(kind);
	}

	/** Every record delivered with this ce_id, in delivery order. */
	public List<ConsumerRecord<String, byte[]>> deliveries(Object eventId) {
		return List.copyOf(this.deliveries.getOrDefault(eventId.toString(), List.of()));
	}

	/** Every case record delivered with this Kafka key, in delivery order. */
	public List<ConsumerRecord<String, byte[]>> deliveriesOfKey(String key) {
		return List.copyOf(this.deliveriesByKey.getOrDefault(key, List.of()));
	}

	/** How often the event was processed (not merely delivered). */
	public int timesProcessed(Object eventId) {
		AtomicInteger count = this.processed.get(eventId.toString());
		return count == null ? 0 : count.get();
	}

	/** A header of a record as text, null if absent. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** The {@code ce_sequence} of a record. */
	public static long sequence(ConsumerRecord<?, ?> record) {
		return CloudEventHeaders.parseSequence(header(record, CloudEventHeaders.SEQUENCE));
	}

}
