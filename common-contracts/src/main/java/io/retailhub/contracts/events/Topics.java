package io.retailhub.contracts.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Kafka topic names of the hub, one per business domain.
 *
 * <p>
 * <b>Key.</b> Every record on these topics is keyed by the order ID
 * ({@link DomainEvent#key()}, the {@link io.retailhub.contracts.OrderId} value as a UTF-8
 * string), so all events of one order land on one partition and stay in publication order
 * relative to each other. Consumers may rely on that order within a topic, never across topics.
 *
 * <p>
 * <b>Retry and dead-letter topics</b> belong to one consumer (its consumer group, named after
 * the service: {@code process-api}, {@code experience-api}), so that one consumer's poison
 * record never disturbs another: {@code <topic>.<consumer>.retry} and
 * {@code <topic>.<consumer>.dlt}. They keep the original key, value and headers and add the
 * error.
 *
 * <p>
 * Topics are declared by their owners, never auto-created. A {@code .v1} suffix is the topic's
 * major version; it changes only if the key or the envelope changes, not when event types are
 * added.
 */
public final class Topics {

	/** {@link EventType#ORDER_CONFIRMED} and later order lifecycle events. */
	public static final String ORDERS = "retail.orders.v1";

	/** Return workflow events: requested, authorized, declined, received, inspected, expired, canceled, closed. */
	public static final String RETURNS = "retail.returns.v1";

	/** Refund workflow events: requested, queued, posted, failed. */
	public static final String REFUNDS = "retail.refunds.v1";

	/** Service case events: opened, updated, closed. */
	public static final String CASES = "retail.cases.v1";

	/** Loyalty point adjustments; reserved, no event type is published on it yet. */
	public static final String LOYALTY = "retail.loyalty.v1";

	/** Every domain topic, for declaring them and for consumers that follow all of them. */
	public static final List<String> ALL = List.of(ORDERS, RETURNS, REFUNDS, CASES, LOYALTY);

	static final String RETRY_SUFFIX = ".retry";

	static final String DEAD_LETTER_SUFFIX = ".dlt";

	/** Kafka's longest legal topic name. */
	private static final int MAX_TOPIC_LENGTH = 249;

	private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");

	private static final Pattern CONSUMER = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private Topics() {
	}

	/**
	 * The dead-letter topic of one consumer of {@code topic}: {@code deadLetter("retail.returns.v1",
	 * "process-api")} is {@code retail.returns.v1.process-api.dlt}.
	 * @param consumer the consuming service, lower-case words joined by hyphens
	 * @throws IllegalArgumentException for an illegal topic or consumer name
	 */
	public static String deadLetter(String topic, String consumer) {
		return derived(topic, consumer, DEAD_LETTER_SUFFIX);
	}

	/**
	 * The retry topic of one consumer of {@code topic}, where a record waits out its back-off
	 * without blocking the partition: {@code retail.returns.v1.process-api.retry}.
	 * @throws IllegalArgumentException for an illegal topic or consumer name
	 */
	public static String retry(String topic, String consumer) {
		return derived(topic, consumer, RETRY_SUFFIX);
	}

	private static String derived(String topic, String consumer, String suffix) {
		if (topic == null || !TOPIC.matcher(topic).matches()) {
			throw new IllegalArgumentException("topic must be a legal Kafka topic name: " + topic);
		}
		if (consumer == null || !CONSUMER.matcher(consumer).matches()) {
			throw new IllegalArgumentException(
					"consumer must be lower-case words joined by hyphens (e.g. process-api): " + consumer);
		}
		String name = topic + "." + consumer + suffix;
		if (name.length() > MAX_TOPIC_LENGTH) {
			throw new IllegalArgumentException("topic name longer than " + MAX_TOPIC_LENGTH + " characters: " + name);
		}
		return name;
	}
}
