package io.retailhub.contracts.problems;

/** HTTP header names shared by the layers. */
public final class Headers {

	public static final String CORRELATION_ID = "X-Correlation-Id";

	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private Headers() {
	}
}
