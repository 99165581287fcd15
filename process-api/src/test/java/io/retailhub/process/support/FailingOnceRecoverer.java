package io.retailhub.process.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Wraps process-api's dead-letter recoverer: the first attempt to dead-letter a record whose key
 * starts with {@value #KEY_PREFIX} fails, as if the dead-letter topic were unreachable; later
 * attempts go through. Records with other keys are passed straight on.
 */
public class FailingOnceRecoverer implements ConsumerRecordRecoverer {

	public static final String KEY_PREFIX = "dlt-fails-once-";

	private final ConsumerRecordRecoverer delegate;

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	FailingOnceRecoverer(ConsumerRecordRecoverer delegate) {
		this.delegate = delegate;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		Object key = record.key();
		if (key instanceof String text && text.startsWith(KEY_PREFIX)) {
			int attempt = this.attempts.computeIfAbsent(text, k -> new AtomicInteger()).incrementAndGet();
			if (attempt == 1) {
				throw new KafkaException("simulated: the dead-letter topic is unreachable");
			}
		}
		this.delegate.accept(record, exception);
	}

	/** How often dead-lettering the record with this key was attempted. */
	public int attempts(String key) {
		AtomicInteger count = this.attempts.get(key);
		return count == null ? 0 : count.get();
	}

}
