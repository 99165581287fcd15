package io.retailhub.contracts.problems;

/** HTTP header names shared by the layers. */
public final class Headers {

	public static final String CORRELATION_ID = "X-Correlation-Id";

	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/**
	 * The person a service acts for, {@code <role>:<subject>} ({@link io.retailhub.contracts.ActingUser});
	 * honoured only from a caller holding a service token.
	 */
	public static final String ACTING_USER = "X-Acting-User";

	private Headers() {
	}
}
