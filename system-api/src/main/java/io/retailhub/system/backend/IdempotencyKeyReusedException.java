package io.retailhub.system.backend;

/**
 * A backend refused an idempotency key it had already seen with other parameters. Answered as
 * 409 {@code idempotency-key-reused}: the caller must send the same body again, or use a new key.
 */
public class IdempotencyKeyReusedException extends BackendRejectedException {

	public IdempotencyKeyReusedException(String backend, String code, String message) {
		super(backend, 409, code, message);
	}
}
