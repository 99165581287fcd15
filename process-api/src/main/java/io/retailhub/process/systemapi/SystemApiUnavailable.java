package io.retailhub.process.systemapi;

import java.time.Duration;
import java.util.Optional;

/**
 * Nothing happened: the system API, or the backend behind it, is unavailable (503, or the
 * connection was refused). Safe to retry, after {@link #retryAfter()} when the answer said.
 */
public final class SystemApiUnavailable extends SystemApiException {

	/** The name used when process-api could not reach the system API itself. */
	public static final String SYSTEM_API = "system-api";

	private final String backend;

	private final Duration retryAfter;

	SystemApiUnavailable(String backend, Duration retryAfter, String detail, Throwable cause) {
		super(backend + " is unavailable: " + detail, cause);
		this.backend = backend;
		this.retryAfter = retryAfter;
	}

	/** The backend that is down (erp, crm, payment, ...), or {@value #SYSTEM_API}. */
	public String backend() {
		return backend;
	}

	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}
}
