package io.retailhub.sandbox.backends.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The carrier's webhook signature as EasyPost's clients check it ({@code validate_webhook}):
 * {@code hmac-sha256-hex=} and the hex HMAC-SHA256 of the raw body, keyed with the NFKD form of the
 * secret. The expected digests were computed apart from this code (Python's {@code hmac} and
 * {@code unicodedata.normalize("NFKD", ...)}).
 */
class CarrierHmacSignatureTests {

	private static final byte[] BODY = ("{\"id\":\"evt_sandbox_1\",\"object\":\"Event\",\"description\":\"tracker.updated\","
			+ "\"result\":{\"id\":\"trk_1\",\"object\":\"Tracker\",\"tracking_code\":\"9400111899223100000001\","
			+ "\"status\":\"in_transit\"}}")
		.getBytes(StandardCharsets.UTF_8);

	/** HMAC-SHA256 of {@link #BODY} keyed with NFKD("sécret"). */
	private static final String EXPECTED = "hmac-sha256-hex=d5190c0341458f3dc052e8f358a5c0985eb93a8de6595e1d75731c95bb36c495";

	/** The same keyed with "sécret" as composed UTF-8, which a signer without NFKD would send. */
	private static final String WITHOUT_NFKD = "hmac-sha256-hex=7ff76c910e45ebbbaba03584c959782c4e0f9a5977e431a8d5181980363e8019";

	@Test
	void signsTheRawBodyWithTheNfkdFormOfTheSecret() {
		assertThat(HmacSignature.header("sécret", BODY)).isEqualTo(EXPECTED).isNotEqualTo(WITHOUT_NFKD);
	}

	@Test
	void normalizesTheSecretToNfkdSoBothSpellingsOfTheSameTextSignAlike() {
		// "e" followed by a combining acute accent: what NFKD makes of "é"
		assertThat(HmacSignature.header("se\u0301cret", BODY)).isEqualTo(EXPECTED);
	}

	@Test
	void signsOtherBytesDifferently() {
		byte[] body = BODY.clone();
		body[body.length - 2] = ' ';

		assertThat(HmacSignature.header("sécret", body)).startsWith("hmac-sha256-hex=").isNotEqualTo(EXPECTED);
	}

	@Test
	void signsTheSameBodyAlikeAtEveryAttempt() {
		assertThat(HmacSignature.header("secret", BODY)).isEqualTo(HmacSignature.header("secret", BODY));
	}
}
