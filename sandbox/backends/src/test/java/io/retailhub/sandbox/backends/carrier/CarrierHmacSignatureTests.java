package io.retailhub.sandbox.backends.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The carrier's webhook signature against EasyPost's own test vector: the official fixture
 * {@code official/fixtures/event-body.json} of github.com/EasyPost/examples, compact, signed with
 * the secret {@code sécret}, as the official clients' {@code validate_webhook} checks it.
 */
class CarrierHmacSignatureTests {

	private static final String OFFICIAL_SIGNATURE = "hmac-sha256-hex=38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db";

	@Test
	void signsTheOfficialFixtureAsEasyPostDoes() throws IOException {
		assertThat(HmacSignature.header("sécret", officialEventBody())).isEqualTo(OFFICIAL_SIGNATURE);
	}

	@Test
	void normalizesTheSecretToNfkdSoBothSpellingsOfTheSameTextSignAlike() throws IOException {
		// "e" followed by a combining acute accent: what NFKD makes of "é"
		assertThat(HmacSignature.header("se\u0301cret", officialEventBody())).isEqualTo(OFFICIAL_SIGNATURE);
	}

	@Test
	void signsOtherBytesDifferently() throws IOException {
		byte[] body = officialEventBody();
		body[body.length - 2] = ' ';

		assertThat(HmacSignature.header("sécret", body)).startsWith("hmac-sha256-hex=")
			.isNotEqualTo(OFFICIAL_SIGNATURE);
	}

	@Test
	void signsTheSameBodyAlikeAtEveryAttempt() {
		byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

		assertThat(HmacSignature.header("secret", body)).isEqualTo(HmacSignature.header("secret", body));
	}

	private static byte[] officialEventBody() throws IOException {
		try (InputStream in = CarrierHmacSignatureTests.class.getResourceAsStream("/carrier/easypost-event-body.json")) {
			return in.readAllBytes();
		}
	}
}
