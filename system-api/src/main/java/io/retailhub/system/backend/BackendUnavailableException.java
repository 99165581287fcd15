package io.retailhub.system.backend;

import java.time.Duration;

/**
 * A backend cannot answer right now: it is down, too slow, overloaded, or its circuit breaker is
 * open. Transient by nature; callers may try again after {@link #retryAfter()}. Answered as 503.
 */
public class BackendUnavailableException extends RuntimeException {

	private final String backend;

	private final Duration retryAfter;

	public BackendUnavailableException(String backend, String reason, Duration retryAfter, Throwable cause) {
		super(backend + " is unavailable: " + reason, cause);
		this.backend = backend;
		this.retryAfter = retryAfter;
	}

	public BackendUnavailableException(String backend, String reason) {
		this(backend, reason, null, null);
	}

	public String backend() {
		return backend;
	}

	/** How long the caller should wait; null when unknown. */
	public Duration retryAfter() {
		return retryAfter;
	}
}
