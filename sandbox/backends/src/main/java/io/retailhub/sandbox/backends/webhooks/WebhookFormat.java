package io.retailhub.sandbox.backends.webhooks;

import java.time.Instant;

/**
 * What makes one backend's webhooks its own: the body of an event, how a delivery is signed, and
 * who the sender says it is. The {@link WebhookDispatcher} does the rest the same way for all.
 */
public interface WebhookFormat {

	/**
	 * The JSON body of an event, written once when the event is recorded: every attempt and every
	 * duplicate sends the same bytes.
	 * @param id the event's ID, {@code evt_} and 32 hex digits
	 * @param data what the backend published
	 */
	Object body(String id, String type, Instant createdAt, Object data);

	/** The request header that carries the signature. */
	String signatureHeader();

	/** The signature header's value for one attempt, made at {@code attemptAt}, to send {@code body}. */
	String signature(String secret, Instant attemptAt, byte[] body);

	String userAgent();
}
