package io.retailhub.sandbox.backends.carrier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * EasyPost's webhook signature: header {@value #HEADER} with value
 * {@code hmac-sha256-hex=<hex HMAC-SHA256>}, keyed with the UTF-8 bytes of the NFKD-normalized
 * webhook secret, over the raw request body. There is no timestamp: every attempt at one event
 * carries the same signature.
 */
final class HmacSignature {

	static final String HEADER = "X-Hmac-Signature";

	static final String PREFIX = "hmac-sha256-hex=";

	private static final String ALGORITHM = "HmacSHA256";

	private HmacSignature() {
	}

	static String header(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			byte[] key = Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}
}
