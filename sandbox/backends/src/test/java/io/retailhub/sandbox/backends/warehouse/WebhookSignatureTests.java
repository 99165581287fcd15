package io.retailhub.sandbox.backends.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.retailhub.sandbox.backends.webhooks.WebhookSettings;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

	private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"return_receipt.created\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void signsTimestampDotBodyWithHmacSha256AsStripeDoes() {
		// expected value computed outside Java: python3 hmac.new(secret, b"1773480420." + body, sha256)
		assertThat(WebhookSignature.header("whsec_sandbox_wms", 1773480420L, BODY))
			.isEqualTo("t=1773480420,v1=24e2945374e6b3238118769b7e493ed6edf33199091a72b80db1375c228a8217");
	}

	@Test
	void signsEachTimestampDifferently() {
		assertThat(WebhookSignature.header("whsec_sandbox_wms", 1773480421L, BODY))
			.isNotEqualTo(WebhookSignature.header("whsec_sandbox_wms", 1773480420L, BODY));
	}

	@Test
	void backsOffExponentiallyUpToTheMaximum() {
		WebhookSettings.Retry retry = new WebhookSettings.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5),
				Duration.ofHours(1));

		assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(retry.backoff(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(retry.backoff(4)).isEqualTo(Duration.ofSeconds(5));
		assertThat(retry.backoff(40)).isEqualTo(Duration.ofSeconds(5));
	}
}
