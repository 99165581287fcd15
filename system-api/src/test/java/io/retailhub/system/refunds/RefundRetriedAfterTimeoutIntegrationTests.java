package io.retailhub.system.refunds;

import io.retailhub.system.support.SystemApiHttp;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.faults.RequestCounts;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.payment.PaymentTestOrders;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The resilience guarantee: a refund whose first attempt times out, while the provider
 * goes on and creates it, is retried with the same idempotency key and ends as exactly one refund.
 *
 * <p>The simulated Stripe takes longer to create the refund than the payment time limiter waits
 * (system-api.yml, {@code resilience4j.timelimiter.instances.payment}). The first attempt gives up;
 * the provider still creates the refund; the retries carry the same key, so Stripe answers them
 * with 409 while the first request still runs, then with the saved refund.
 */
@SystemApiIntegrationTest
class RefundRetriedAfterTimeoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TimeLimiterRegistry timeLimiters;

	final PaymentLedger ledger = Sandbox.bean(PaymentLedger.class);

	final PaymentEffects effects = Sandbox.bean(PaymentEffects.class);

	final RequestCounts requests = Sandbox.bean(RequestCounts.class);

	@AfterEach
	void resetRefundBehavior() {
		ledger.resetRefundBehavior();
	}

	@Test
	void aRefundRetriedAfterATimeoutWithTheSameIdempotencyKeyProducesOneRefundInThePaymentSandbox() {
		DemoOrder order = PaymentTestOrders.untouchedCapturedOrder("USD");
		long timeLimitMs = timeLimiters.timeLimiter(Backends.PAYMENT).getTimeLimiterConfig().getTimeoutDuration().toMillis();
		ledger.refundBehavior(RefundBehavior.DEFAULT.withProcessingDelay(timeLimitMs + 500));
		long createdBefore = effects.count(PaymentEffects.REFUNDS_CREATED);
		long replayedBefore = effects.count(PaymentEffects.REFUNDS_REPLAYED);
		long postsBefore = requests.count(Backend.PAYMENT, "POST");

		ResponseEntity<String> response = SystemApiHttp.withServiceToken("http://localhost:" + port)
			.post()
			.uri("/api/system/v1/refunds")
			.header("Idempotency-Key", "refund-after-timeout-1")
			.contentType(MediaType.APPLICATION_JSON)
			.body(RefundApiIntegrationTests.body(order, "25.00", "USD", "RET-TIMEOUT-1"))
			.retrieve()
			.toEntity(String.class);

		JsonNode refund = JsonMapper.shared().readTree(response.getBody());
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		assertThat(requests.count(Backend.PAYMENT, "POST") - postsBefore).as("attempts at the provider")
			.isGreaterThanOrEqualTo(2);
		assertThat(effects.count(PaymentEffects.REFUNDS_CREATED)).isEqualTo(createdBefore + 1);
		assertThat(effects.count(PaymentEffects.REFUNDS_REPLAYED)).isEqualTo(replayedBefore + 1);
		assertThat(effects.refundCount(order.paymentIntentId())).isEqualTo(1);
		assertThat(effects.refundedMinorUnits(order.paymentIntentId())).isEqualTo(2500);
		assertThat(refund.get("id").asString()).startsWith("re_");
		assertThat(refund.get("reference").asString()).isEqualTo("RET-TIMEOUT-1");
	}
}
