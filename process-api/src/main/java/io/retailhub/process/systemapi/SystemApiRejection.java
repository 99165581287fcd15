package io.retailhub.process.systemapi;

import java.net.URI;

import io.retailhub.contracts.problems.ProblemType;

/**
 * The system API refused the request with a 4xx problem: the order does not exist, the input is
 * invalid, a backend rejected it (422) or it conflicts (409). Repeating it will not change the
 * answer.
 */
public final class SystemApiRejection extends SystemApiException {

	private final int status;

	private final URI type;

	private final String detail;

	private final String backend;

	private final String backendCode;

	SystemApiRejection(int status, URI type, String detail, String backend, String backendCode) {
		super("system API refused (" + status + " " + type + "): " + detail, null);
		this.status = status;
		this.type = type;
		this.detail = detail;
		this.backend = backend;
		this.backendCode = backendCode;
	}

	public int status() {
		return status;
	}

	/** The problem type URI, one of {@link ProblemType}'s, or {@code about:blank}. */
	public URI type() {
		return type;
	}

	public boolean is(ProblemType problem) {
		return problem.uri().equals(type);
	}

	public String detail() {
		return detail;
	}

	/** The backend that refused, for 422 answers; null otherwise. */
	public String backend() {
		return backend;
	}

	/** The backend's own error code, when it gave one. */
	public String backendCode() {
		return backendCode;
	}
}
