package io.retailhub.experience.downstream;

import java.util.Map;

/**
 * A call to the process or system API that did not give what was asked: {@link #notFound() not
 * found}, refused as the caller's fault ({@link #refused()}: 4xx with the problem the layer below
 * answered), or not answered ({@link #unavailable()}: 5xx, timeout, no connection).
 */
public class DownstreamException extends RuntimeException {

	public enum Kind {
		NOT_FOUND, REFUSED, UNAVAILABLE
	}

	private final Kind kind;

	private final String service;

	private final int status;

	private final Map<String, Object> problem;

	DownstreamException(Kind kind, String service, int status, Map<String, Object> problem, String message,
			Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.service = service;
		this.status = status;
		this.problem = problem == null ? Map.of() : problem;
	}

	public Kind kind() {
		return this.kind;
	}

	public boolean notFound() {
		return this.kind == Kind.NOT_FOUND;
	}

	public boolean refused() {
		return this.kind == Kind.REFUSED;
	}

	public boolean unavailable() {
		return this.kind == Kind.UNAVAILABLE;
	}

	/** {@code system-api} or {@code process-api}. */
	public String service() {
		return this.service;
	}

	/** The HTTP status answered; 0 when none was. */
	public int status() {
		return this.status;
	}

	/** The problem+json body answered, empty when there was none. */
	public Map<String, Object> problem() {
		return this.problem;
	}
}
