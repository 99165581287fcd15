package io.retailhub.system.webhooks;

import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The warehouse has no bearer token: its webhook is authenticated by the HMAC signature alone. */
@SystemApiIntegrationTest
class WarehouseWebhookWithoutTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void acceptsASignedWebhookWithoutAToken() {
		String body = WmsWebhooks.receiptCreated(WmsWebhooks.eventId(), WmsWebhooks.rmaNumber(), "WEB-100043", 1);

		ResponseEntity<String> answer = WmsWebhooks.deliver("http://localhost:" + this.port, body,
				WmsWebhooks.signature(body), null);

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void refusesAnUnsignedWebhookByItsSignatureNotByAToken() {
		String body = WmsWebhooks.receiptCreated(WmsWebhooks.eventId(), WmsWebhooks.rmaNumber(), "WEB-100043", 1);

		ResponseEntity<String> answer = WmsWebhooks.deliver("http://localhost:" + this.port, body, null, null);

		assertThat(answer.getStatusCode().value()).isEqualTo(401);
		assertThat(SystemApiHttp.jsonOf(answer).path("type").asString()).endsWith("/problems/webhook-signature-invalid");
		assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("HMAC-SHA256");
	}

}
