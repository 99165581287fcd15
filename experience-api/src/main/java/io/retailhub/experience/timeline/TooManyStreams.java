package io.retailhub.experience.timeline;

/** This instance holds as many streams as it may; the client should try again shortly (503, Retry-After). */
public class TooManyStreams extends RuntimeException {

	/** How long the client should wait. */
	public static final int RETRY_AFTER_SECONDS = 5;

	TooManyStreams() {
		super("This instance holds as many timeline streams as it may; try again shortly.");
	}

}
