package io.retailhub.system.webhooks;

import java.util.Locale;

/** A webhook whose signature does not prove it came from the backend, recently: answered 401. */
class InvalidWebhookSignatureException extends RuntimeException {

	enum Reason {

		MISSING("The request has no signature header."),
		MALFORMED("The signature header is not of the form t=<unix seconds>,v1=<hex HMAC-SHA256>."),
		MISMATCH("No signature matches the request body."),
		STALE("The signature's timestamp is outside the tolerated window.");

		private final String detail;

		Reason(String detail) {
			this.detail = detail;
		}

		String detail() {
			return detail;
		}

		/** The metric tag value. */
		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private final Reason reason;

	InvalidWebhookSignatureException(Reason reason) {
		super(reason.detail());
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}
}
