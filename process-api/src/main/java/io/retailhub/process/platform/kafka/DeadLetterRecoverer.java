package io.retailhub.process.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Dead-letters a record with the listener's own exception in the headers, not the container's
 * wrapper around it ("Listener method ... threw exception"): ops read why the listener refused
 * the record.
 */
class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

	private final DeadLetterPublishingRecoverer publisher;

	DeadLetterRecoverer(DeadLetterPublishingRecoverer publisher) {
		this.publisher = publisher;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
		this.publisher.accept(record, consumer, unwrap(exception));
	}

	private static Exception unwrap(Exception exception) {
		return exception instanceof ListenerExecutionFailedException wrapper && wrapper.getCause() instanceof Exception cause
				? cause : exception;
	}

}
