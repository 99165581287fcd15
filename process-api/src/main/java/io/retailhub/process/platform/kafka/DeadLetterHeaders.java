package io.retailhub.process.platform.kafka;

/**
 * The hub's own headers on a dead-letter record, beside Spring Kafka's {@code kafka_dlt-*} ones.
 * The standard headers name the listener's exception and only the class of its root cause; these
 * add the root cause's message and the one-line error the dead-letter store shows.
 */
public final class DeadLetterHeaders {

	/** Every hub dead-letter header starts with this; replay leaves them out. */
	public static final String PREFIX = "retailhub_dlt-";

	/**
	 * Why the record was dead-lettered, in one line: the root cause's class and message, then, if
	 * it says more, the listener's exception as context. What the dead-letter API shows as
	 * {@code error}.
	 */
	public static final String ERROR = PREFIX + "error";

	/** The fully qualified class of the innermost cause. */
	public static final String ROOT_CAUSE_FQCN = PREFIX + "root-cause-fqcn";

	/** The innermost cause's message, when it has one. */
	public static final String ROOT_CAUSE_MESSAGE = PREFIX + "root-cause-message";

	private DeadLetterHeaders() {
	}

}
