package io.retailhub.process.platform.kafka;

/**
 * A record that can never be processed as it is: bytes that are not the expected JSON, a payload
 * that breaks its contract, missing envelope headers. Retrying cannot help, so the error handler
 * sends it to the dead-letter topic at once, where ops can inspect it and, once the cause is
 * fixed, replay it. Throw it from a listener (after the transaction rolled back) for input you
 * reject; throw anything else for failures that may pass (database, a busy service), which are
 * retried with backoff first.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
