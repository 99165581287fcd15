package io.retailhub.process.systemapi;

/**
 * A call to the system API that did not give the answer asked for. The three kinds tell a
 * workflow step what to do next: {@link SystemApiRejection} (a business refusal: retrying will
 * not help), {@link SystemApiUnavailable} (nothing happened: retry later) and
 * {@link SystemApiAmbiguous} (a write may or may not have happened: check before retrying).
 */
public abstract sealed class SystemApiException extends RuntimeException
		permits SystemApiRejection, SystemApiUnavailable, SystemApiAmbiguous {

	SystemApiException(String message, Throwable cause) {
		super(message, cause);
	}
}
