package io.retailhub.process.platform.kafka;

import io.retailhub.contracts.events.Topics;

/** Names of process-api's dead-letter topics: {@code <topic>.process-api.dlt}, one per consumed topic. */
public final class DeadLetterTopics {

	/** The consumer name in process-api's retry and dead-letter topic names. */
	public static final String CONSUMER = "process-api";

	/**
	 * Regular expression of every dead-letter topic of process-api; a topic created later is
	 * picked up at the consumer's next metadata refresh.
	 */
	public static final String PATTERN = ".+\\." + CONSUMER + "\\.dlt";

	private DeadLetterTopics() {
	}

	/** The dead-letter topic of process-api's consumers of {@code topic}. */
	public static String of(String topic) {
		return Topics.deadLetter(topic, CONSUMER);
	}

}
