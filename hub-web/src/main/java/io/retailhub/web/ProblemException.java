package io.retailhub.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.retailhub.contracts.problems.ProblemType;

/**
 * An error a caller should see as problem+json of the given type, with {@code detail} as the
 * human explanation (so it must not leak internals) and optional extension members. Throw it from
 * any endpoint of any hub service.
 */
public class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final Map<String, Object> properties;

	public ProblemException(ProblemType type, String detail) {
		this(type, detail, Map.of());
	}

	public ProblemException(ProblemType type, String detail, Map<String, Object> properties) {
		super(detail);
		this.type = type;
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
	}

	/** 404: the resource does not exist. */
	public static ProblemException notFound(String detail) {
		return new ProblemException(ProblemType.NOT_FOUND, detail);
	}

	/** 409: the request does not fit the resource's current state. */
	public static ProblemException conflict(String detail) {
		return new ProblemException(ProblemType.CONFLICT, detail);
	}

	public ProblemType type() {
		return this.type;
	}

	/** Extension members added to the problem body. */
	public Map<String, Object> properties() {
		return this.properties;
	}
}
