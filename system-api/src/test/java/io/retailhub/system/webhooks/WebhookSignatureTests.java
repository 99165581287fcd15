package io.retailhub.system.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.retailhub.system.webhooks.InvalidWebhookSignatureException.Reason;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

	private static final String SECRET = "whsec_sandbox_wms";

	private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"return_receipt.created\"}"
		.getBytes(StandardCharsets.UTF_8);

	/** Computed outside Java: python3 hmac.new(secret, b"1773480420." + body, sha256).hexdigest(). */
	private static final String KNOWN = "24e2945374e6b3238118769b7e493ed6edf33199091a72b80db1375c228a8217";

	private static final Instant SIGNED_AT = Instant.ofEpochSecond(1773480420L);

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	@Test
	void acceptsTheHmacOfTimestampDotBody() {
		assertThatCode(() -> verify("t=1773480420,v1=" + KNOWN, SIGNED_AT.plusSeconds(30))).doesNotThrowAnyException();
	}

	@Test
	void acceptsAnyMatchingV1WhileTheSecretRotatesAndIgnoresOtherSchemes() {
		String header = "t=1773480420,v0=deadbeef,v1=" + "0".repeat(64) + ",v1=" + KNOWN;

		assertThatCode(() -> verify(header, SIGNED_AT)).doesNotThrowAnyException();
	}

	@Test
	void refusesAnotherSecretOrAnotherBody() {
		assertThat(reason(() -> WebhookSignature.verify("t=1773480420,v1=" + KNOWN, BODY, "whsec_other", SIGNED_AT,
				FIVE_MINUTES))).isEqualTo(Reason.MISMATCH);
		assertThat(reason(() -> WebhookSignature.verify("t=1773480420,v1=" + KNOWN,
				"{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8), SECRET, SIGNED_AT, FIVE_MINUTES)))
			.isEqualTo(Reason.MISMATCH);
	}

	@Test
	void refusesTheSignatureOfAnotherTimestamp() {
		assertThat(reason(() -> verify("t=1773480421,v1=" + KNOWN, SIGNED_AT))).isEqualTo(Reason.MISMATCH);
	}

	@Test
	void toleratesFiveMinutesEitherWayAndNotOneSecondMore() {
		assertThatCode(() -> verify("t=1773480420,v1=" + KNOWN, SIGNED_AT.plus(FIVE_MINUTES)))
			.doesNotThrowAnyException();
		assertThatCode(() -> verify("t=1773480420,v1=" + KNOWN, SIGNED_AT.minus(FIVE_MINUTES)))
			.doesNotThrowAnyException();
		assertThat(reason(() -> verify("t=1773480420,v1=" + KNOWN, SIGNED_AT.plus(FIVE_MINUTES).plusSeconds(1))))
			.isEqualTo(Reason.STALE);
		assertThat(reason(() -> verify("t=1773480420,v1=" + KNOWN, SIGNED_AT.minus(FIVE_MINUTES).minusSeconds(1))))
			.isEqualTo(Reason.STALE);
	}

	@Test
	void tellsAMissingFromAMalformedHeader() {
		assertThat(reason(() -> verify(null, SIGNED_AT))).isEqualTo(Reason.MISSING);
		assertThat(reason(() -> verify(" ", SIGNED_AT))).isEqualTo(Reason.MISSING);
		assertThat(reason(() -> verify("v1=" + KNOWN, SIGNED_AT))).isEqualTo(Reason.MALFORMED);
		assertThat(reason(() -> verify("t=1773480420", SIGNED_AT))).isEqualTo(Reason.MALFORMED);
		assertThat(reason(() -> verify("t=soon,v1=" + KNOWN, SIGNED_AT))).isEqualTo(Reason.MALFORMED);
		assertThat(reason(() -> verify("t=1773480420,v1=" + KNOWN.substring(2), SIGNED_AT))).isEqualTo(Reason.MALFORMED);
		assertThat(reason(() -> verify("t=1773480420,v1=" + "z".repeat(64), SIGNED_AT))).isEqualTo(Reason.MALFORMED);
		assertThat(reason(() -> verify("garbage", SIGNED_AT))).isEqualTo(Reason.MALFORMED);
	}

	private static void verify(String header, Instant now) {
		WebhookSignature.verify(header, BODY, SECRET, now, FIVE_MINUTES);
	}

	private static Reason reason(Runnable verification) {
		Throwable thrown = catchThrowable(verification::run);
		assertThat(thrown).isInstanceOf(InvalidWebhookSignatureException.class);
		return ((InvalidWebhookSignatureException) thrown).reason();
	}
}
