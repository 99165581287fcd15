package io.retailhub.system.backend;

/**
 * A write went to a backend and no answer came back in time (the time limiter gave up, the HTTP
 * read timed out, or the connection broke after the request was sent): the backend may have done
 * it. Unlike {@link BackendUnavailableException} ("nothing was done, try again later"), the caller
 * must find out what happened before writing again, or repeat the write with the same idempotency
 * key. Answered as 504 {@code backend-timeout}.
 */
public class BackendTimeoutException extends RuntimeException {

	private final String backend;

	public BackendTimeoutException(String backend, String reason, Throwable cause) {
		super(backend + " did not answer: " + reason, cause);
		this.backend = backend;
	}

	public String backend() {
		return backend;
	}
}
