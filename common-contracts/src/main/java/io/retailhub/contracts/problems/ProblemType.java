package io.retailhub.contracts.problems;

import java.net.URI;

/**
 * The stable problem kinds every layer answers with (RFC 9457). Clients switch on {@link #uri()};
 * titles are for people and may be reworded.
 */
public enum ProblemType {

	NOT_FOUND("not-found", "Resource not found", 404),
	INVALID_REQUEST("invalid-request", "The request is invalid", 400),
	MALFORMED_REQUEST("malformed-request", "The request body could not be read", 400),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
	PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
	CONFLICT("conflict", "The request conflicts with the current state", 409),
	IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "The idempotency key was used with different parameters", 409),
	BACKEND_REJECTED("backend-rejected", "A backend system rejected the request", 422),
	/**
	 * Well-formed, but more than the order allows (an amount above what may still be refunded or
	 * credited, another currency than the order's, a line the order does not have): checked
	 * before any backend write, so nothing was changed. The {@code errors} name the fields.
	 */
	NOT_ALLOWED_FOR_ORDER("not-allowed-for-order", "The request does not fit the order", 422),
	/** A location that is not one of the warehouse system's stores where a store is required. */
	NOT_A_STORE("not-a-store", "The location is not one of the warehouse's stores", 422),
	/** Nothing was sent to the backend, or only a read was: safe to try again later. */
	BACKEND_UNAVAILABLE("backend-unavailable", "A backend system is unavailable", 503),
	/**
	 * A write reached the backend (or may have) and no answer came in time: it may have happened.
	 * Find out before writing again, or repeat it with the same idempotency key.
	 */
	BACKEND_TIMEOUT("backend-timeout", "A backend system did not answer in time", 504),
	/** No bearer token, or one that is invalid or expired: answered with {@code WWW-Authenticate: Bearer}. */
	UNAUTHORIZED("unauthorized", "Authentication required", 401),
	/** A valid token that does not grant this call (a missing scope or role). */
	FORBIDDEN("forbidden", "Access denied", 403),
	WEBHOOK_SIGNATURE_INVALID("webhook-signature-invalid", "The webhook signature is missing or invalid", 401),
	EVENTS_UNAVAILABLE("events-unavailable", "Events cannot be published right now", 503),
	INTERNAL_ERROR("internal-error", "Unexpected error", 500);

	/** Base of every problem type URI. */
	public static final String BASE_URI = "https://retailhub.io/problems/";

	private final URI uri;

	private final String title;

	private final int status;

	ProblemType(String slug, String title, int status) {
		this.uri = URI.create(BASE_URI + slug);
		this.title = title;
		this.status = status;
	}

	public URI uri() {
		return uri;
	}

	public String title() {
		return title;
	}

	public int status() {
		return status;
	}
}
