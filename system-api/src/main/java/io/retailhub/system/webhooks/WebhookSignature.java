package io.retailhub.system.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.retailhub.system.webhooks.InvalidWebhookSignatureException.Reason;

/**
 * Checks a Stripe-style webhook signature: a header {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}
 * where each {@code v1} is an HMAC-SHA256, keyed with the shared secret, of the bytes
 * {@code <t>.<raw body>}. The body must be the bytes as received: parsing and re-serializing it
 * would change them. Several {@code v1} values are accepted (the sender may sign with an old and
 * a new secret while rotating), other schemes are ignored, the comparison is constant-time, and
 * a timestamp further than the tolerance from now, either way, is refused so a captured request
 * cannot be replayed later.
 */
final class WebhookSignature {

	private static final String ALGORITHM = "HmacSHA256";

	/** A v1 signature: 32 bytes as 64 hex digits. */
	private static final int SIGNATURE_HEX_LENGTH = 64;

	private WebhookSignature() {
	}

	/**
	 * @throws InvalidWebhookSignatureException unless the header carries a matching signature made
	 * within {@code tolerance} of {@code now}
	 */
	static void verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
		if (header == null || header.isBlank()) {
			throw new InvalidWebhookSignatureException(Reason.MISSING);
		}
		Long timestamp = null;
		List<byte[]> signatures = new ArrayList<>();
		for (String element : header.split(",")) {
			int equals = element.indexOf('=');
			if (equals < 0) {
				throw new InvalidWebhookSignatureException(Reason.MALFORMED);
			}
			String key = element.substring(0, equals).strip();
			String value = element.substring(equals + 1).strip();
			if (key.equals("t")) {
				timestamp = timestamp(value);
			}
			else if (key.equals("v1")) {
				signatures.add(hex(value));
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw new InvalidWebhookSignatureException(Reason.MALFORMED);
		}
		byte[] expected = hmac(secret, timestamp, body);
		boolean matches = false;
		for (byte[] signature : signatures) {
			matches |= MessageDigest.isEqual(expected, signature);
		}
		if (!matches) {
			throw new InvalidWebhookSignatureException(Reason.MISMATCH);
		}
		if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
			throw new InvalidWebhookSignatureException(Reason.STALE);
		}
	}

	static byte[] hmac(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}

	private static long timestamp(String value) {
		if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidWebhookSignatureException(Reason.MALFORMED);
		}
		return Long.parseLong(value);
	}

	private static byte[] hex(String value) {
		if (value.length() != SIGNATURE_HEX_LENGTH) {
			throw new InvalidWebhookSignatureException(Reason.MALFORMED);
		}
		try {
			return HexFormat.of().parseHex(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidWebhookSignatureException(Reason.MALFORMED);
		}
	}
}
