package io.retailhub.process.drills;

import java.time.Duration;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.payment.IdempotencyKeys;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: the payment provider makes the refund but the hub never gets the answer (it takes the
 * provider longer than the hub waits), and before the hub tries again the provider forgets every
 * idempotency key, as Stripe does after 24 hours: resending with the same key would now pay a
 * second time. The refund step must look the refund up by its reference first, find it and pay
 * nothing more.
 */
@ReturnsIntegrationTest
class DrillPaymentTimeoutAfterSuccessIntegrationTests {

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Test
	void findsTheRefundByReferenceInsteadOfPayingAgainWhenItsAnswerWasLostAndItsKeyForgotten() {
		// given an authorized return, and a payment provider that takes longer to make a refund (4 s) than the hub waits (3 s)
		DemoOrder order = DemoOrders.freshDelivered();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		long createdBefore = HubSandbox.paymentEffect(PaymentEffects.REFUNDS_CREATED);
		AuthorizedReturn ret = AuthorizedReturn.of(api, order, 1);
		SlowPaymentProvider provider = SlowPaymentProvider.makingRefundsIn(Duration.ofSeconds(4));

		// when the parcel arrives and the refund reaches the provider
		warehouse.publish(order.orderNumber(), ret.rmaNumber(), 1, ret.allReceived());
		provider.awaitRefundRequest();

		// and the provider answers nothing else until it has made the refund, so the hub's answer is lost
		HubSandbox.outage(Backend.PAYMENT);
		await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> HubSandbox.refundsAtPayment(order.paymentIntentId()) == refundsBefore + 1);

		// and then it forgets every idempotency key
		HubSandbox.backendBean(IdempotencyKeys.class).forgetAll();
		String refundId = api.workflow(ret.id()).path("refundId").asString();
		assertThat(api.refund(refundId).path("status").asString()).as("the hub does not know it has paid")
			.isIn("SUBMITTED", "UNKNOWN", "QUEUED");
		assertThat(api.refund(refundId).path("submissions").asInt()).isGreaterThanOrEqualTo(1);

		// when the provider is reachable again
		HubSandbox.heal();

		// then the return closes with the refund the provider made first, and no other
		AuthorizedReturn.awaitStatus(api, ret.id(), "CLOSED");
		JsonNode atProvider = RestClient.create()
			.get()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/refunds?orderId={order}&reference={reference}",
					order.orderNumber(), refundId)
			.retrieve()
			.body(JsonNode.class);
		assertThat(atProvider).hasSize(1);
		assertThat(api.refund(refundId).path("providerRefundId").asString()).isEqualTo(atProvider.get(0).path("id").asString());
		assertThat(HubSandbox.paymentEffect(PaymentEffects.REFUNDS_CREATED)).isEqualTo(createdBefore + 1);
		assertThat(api.workflow(ret.id()).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("refund.succeeded"))
			.singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("found by reference"));
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);
	}
}
