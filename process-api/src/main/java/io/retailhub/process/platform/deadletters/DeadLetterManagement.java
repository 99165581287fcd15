package io.retailhub.process.platform.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.process.platform.kafka.DeadLetterHeaders;
import io.retailhub.web.ProblemException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Lists, shows and replays dead letters.
 *
 * <p>Replay publishes the original bytes with the original headers (the CloudEvents envelope,
 * same {@code ce_id}) to the original topic, keyed as before, and counts the replay. It is
 * idempotent downstream: a consumer that already processed the event finds it in its inbox and
 * skips it, so replaying twice, or replaying an event that did get through, changes nothing. The
 * dead-letter bookkeeping headers ({@code kafka_dlt-*}, {@code retailhub_dlt-*}) are left out; a
 * {@value #REPLAY_OF} header names the dead letter, so a replay that fails again can be traced
 * back.
 */
@Component
class DeadLetterManagement {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterManagement.class);

	static final String REPLAY_OF = "retailhub_replay-of";

	private static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final DeadLetterStore store;

	private final KafkaTemplate<String, byte[]> kafka;

	DeadLetterManagement(DeadLetterStore store, KafkaTemplate<String, byte[]> kafka) {
		this.store = store;
		this.kafka = kafka;
	}

	List<DeadLetter> page(int page, int size) {
		return this.store.page(page, size);
	}

	long count() {
		return this.store.count();
	}

	DeadLetter get(UUID id) {
		return this.store.find(id).orElseThrow(() -> notFound(id));
	}

	/** Re-publishes the dead letter; see the class comment. @return the dead letter with the replay counted */
	DeadLetter replay(UUID id) {
		DeadLetter letter = get(id);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(letter.originalTopic(), null, letter.key(),
				letter.payload());
		letter.headers()
			.stream()
			.filter(header -> !header.name().startsWith(DEAD_LETTER_HEADER_PREFIX)
					&& !header.name().startsWith(DeadLetterHeaders.PREFIX) && !header.name().equals(REPLAY_OF))
			.forEach(header -> record.headers().add(header.name(), header.bytes()));
		record.headers().add(REPLAY_OF, id.toString().getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			log.warn("replay of dead letter {} to {} failed", id, letter.originalTopic(), ex);
			throw unavailable();
		}
		log.info("dead letter {} replayed to {} (key {})", id, letter.originalTopic(), letter.key());
		// the send happened: if counting it fails, the replay still stands (and is harmless to repeat)
		return this.store.markReplayed(id).orElseThrow(() -> notFound(id));
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.notFound("There is no dead letter " + id + ".");
	}

	private static ProblemException unavailable() {
		return new ProblemException(ProblemType.BACKEND_UNAVAILABLE,
				"Kafka did not accept the replay; nothing was replayed. Try again shortly.");
	}

}
