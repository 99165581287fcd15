package io.retailhub.process.systemapi;

/**
 * No answer came back (read timeout, a 5xx other than 503, a broken connection after the request
 * was sent): a write may or may not have happened. A step that sees this asks the backend what
 * it has before it writes again.
 */
public final class SystemApiAmbiguous extends SystemApiException {

	SystemApiAmbiguous(String message, Throwable cause) {
		super(message, cause);
	}
}
