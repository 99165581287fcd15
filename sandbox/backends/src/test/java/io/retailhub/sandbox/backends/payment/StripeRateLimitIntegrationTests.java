package io.retailhub.sandbox.backends.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.retailhub.sandbox.backends.data.DemoData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=sandbox", "sandbox.payment.rate-limit-per-second=2" })
class StripeRateLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	PaymentEffects effects;

	@Test
	void answersBurstsAboveTheRateLimitWith429InStripesDialect() {
		RestClient stripe = RestClient.builder()
			.baseUrl("http://localhost:" + port + "/payment")
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer sk_test_sandbox")
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
		String intent = "/v1/payment_intents/" + data.order(DemoData.Showcase.DELIVERED_ORDER).paymentIntentId();

		List<ResponseEntity<String>> responses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			responses.add(stripe.get().uri(intent).retrieve().toEntity(String.class));
		}

		List<ResponseEntity<String>> limited = responses.stream().filter(r -> r.getStatusCode().value() == 429).toList();
		assertThat(limited).isNotEmpty();
		assertThat(limited.get(0).getBody()).contains("\"code\":\"rate_limit\"");
		assertThat(limited.get(0).getHeaders().getFirst("Request-Id")).startsWith("req_");
		assertThat(effects.count(PaymentEffects.RATE_LIMITED)).isEqualTo(limited.size());
	}
}
