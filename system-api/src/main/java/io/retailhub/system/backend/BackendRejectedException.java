package io.retailhub.system.backend;

/**
 * A backend understood the request and refused it (a business rule, a validation error, a
 * conflict). Not transient: never retried and never counted against the backend's health.
 * {@code code} is the backend's own error code when it gave one.
 */
public class BackendRejectedException extends RuntimeException {

	private final String backend;

	private final int status;

	private final String code;

	public BackendRejectedException(String backend, int status, String code, String message) {
		super(message);
		this.backend = backend;
		this.status = status;
		this.code = code;
	}

	public String backend() {
		return backend;
	}

	/** The backend's HTTP status. */
	public int status() {
		return status;
	}

	public String code() {
		return code;
	}
}
