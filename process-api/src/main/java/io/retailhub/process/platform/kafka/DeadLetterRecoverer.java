package io.retailhub.process.platform.kafka;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.ErrorHandlingUtils;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Dead-letters a record with every standard {@code kafka_dlt-*} header and the hub's own
 * ({@link DeadLetterHeaders}).
 *
 * <p>The container's wrapper around the listener's exception ("Listener method ... threw
 * exception", a {@link ListenerExecutionFailedException}) is handed to Spring Kafka as it is,
 * because it carries the consumer group the {@code kafka_dlt-original-consumer-group} header is
 * taken from. The exception headers, though, describe the listener's own exception, which is what
 * ops need to read: its class, message and stack trace, and its root cause's class.
 */
class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

	private final DeadLetterPublishingRecoverer publisher;

	DeadLetterRecoverer(DeadLetterPublishingRecoverer publisher) {
		this.publisher = publisher;
		publisher.setExceptionHeadersCreator(DeadLetterRecoverer::exceptionHeaders);
		publisher.addHeadersFunction((record, exception) -> hubHeaders(exception));
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
		this.publisher.accept(record, consumer, withConsumerGroup(exception, consumer));
	}

	/**
	 * The exception as the container reports it, carrying the group. An exception that did not come
	 * through a listener container's wrapper gets one, with the group of the consumer at hand.
	 */
	private static Exception withConsumerGroup(Exception exception, Consumer<?, ?> consumer) {
		if ((exception instanceof ListenerExecutionFailedException wrapper && wrapper.getGroupId() != null)
				|| consumer == null) {
			return exception;
		}
		return new ListenerExecutionFailedException("Listener failed", consumer.groupMetadata().groupId(), exception);
	}

	/** Spring Kafka's exception headers, about the listener's exception rather than the container's wrapper. */
	private static void exceptionHeaders(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
		HeaderNames.ExceptionInfo info = names.getExceptionInfo();
		Exception failure = ErrorHandlingUtils.findRootCause(exception);
		replace(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), failure.getClass().getName());
		replace(headers, info.getExceptionCauseFqcn(), NestedExceptionUtils.getMostSpecificCause(failure).getClass().getName());
		if (failure.getMessage() != null) {
			replace(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), failure.getMessage());
		}
		replace(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(), stackTrace(failure));
	}

	private static Headers hubHeaders(Exception exception) {
		Exception failure = ErrorHandlingUtils.findRootCause(exception);
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		Headers headers = new RecordHeaders();
		headers.add(DeadLetterHeaders.ERROR, error(failure, root).getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetterHeaders.ROOT_CAUSE_FQCN, root.getClass().getName().getBytes(StandardCharsets.UTF_8));
		if (root.getMessage() != null) {
			headers.add(DeadLetterHeaders.ROOT_CAUSE_MESSAGE, root.getMessage().getBytes(StandardCharsets.UTF_8));
		}
		return headers;
	}

	/**
	 * The root cause's class and message; then, in brackets, the listener's exception if it is not
	 * the root cause and its message says more than the root cause's (which it often quotes: that
	 * part is left out).
	 */
	static String error(Throwable failure, Throwable root) {
		String error = describe(root.getClass(), root.getMessage());
		if (failure == root || failure.getMessage() == null) {
			return error;
		}
		String context = failure.getMessage();
		if (root.getMessage() != null && !root.getMessage().isBlank()) {
			context = context.replace(": " + root.getMessage(), "").replace(root.getMessage(), "").strip();
		}
		return context.isEmpty() ? error : error + " (" + describe(failure.getClass(), context) + ")";
	}

	private static String describe(Class<?> type, String message) {
		return message == null || message.isBlank() ? type.getSimpleName() : type.getSimpleName() + ": " + message;
	}

	private static void replace(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text, true));
		return text.toString();
	}

}
