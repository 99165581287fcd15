package io.retailhub.contracts.problems;

/** Names of the extension members the hub adds to problem+json bodies. */
public final class ProblemProperties {

	/** The request's correlation ID, as in the {@code X-Correlation-Id} header. */
	public static final String CORRELATION_ID = "correlationId";

	/** A list of {@link FieldError}s for invalid input. */
	public static final String ERRORS = "errors";

	/** The backend (erp, crm, payment, warehouse, commerce) that failed or refused. */
	public static final String BACKEND = "backend";

	/** The backend's own error code, when it gave one. */
	public static final String BACKEND_CODE = "backendCode";

	private ProblemProperties() {
	}
}
