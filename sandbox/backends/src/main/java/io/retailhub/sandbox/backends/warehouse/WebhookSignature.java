package io.retailhub.sandbox.backends.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WMS's webhook signature, the scheme Stripe uses: header {@value #HEADER} with value
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed with the shared secret over the
 * bytes of {@code <t>.<raw body>}. Each delivery attempt is signed anew with its own timestamp,
 * so a receiver can refuse old signatures (replays) without refusing redeliveries.
 */
final class WebhookSignature {

	static final String HEADER = "X-WMS-Signature";

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSignature() {
	}

	static String header(String secret, long timestamp, byte[] body) {
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
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
}
