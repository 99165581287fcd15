package io.retailhub.process.drills;

import io.github.resilience4j.retry.RetryRegistry;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HeldRequests;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.payment.IdempotencyKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: the payment provider makes the refund but the hub never gets the answer (the sandbox holds
 * it back until the hub has given up waiting), and before the hub tries again the provider forgets
 * every idempotency key, as Stripe does after 24 hours: resending with the same key would now pay a
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
		// given an authorized return, and a payment provider that makes refunds but holds back its answers
		DemoOrder order = DemoOrders.freshDelivered();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		AuthorizedReturn ret = AuthorizedReturn.of(api, order, 1);
		HeldRequests.Hold answers = HubSandbox.held().holdAnswers(Backend.PAYMENT, "POST", "/v1/refunds");
		long givenUpBefore = paymentCallsGivenUp();

		// when the parcel arrives and the provider makes the refund, its answer held back
		warehouse.publish(order.orderNumber(), ret.rmaNumber(), 1, ret.allReceived());
		answers.awaitHeld(1);
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);

		// and the provider answers nothing else, until the hub has given up waiting for the answer:
		// process-api (the refund UNKNOWN) and the system API (its retries of the call spent, each
		// refused while payment is out), so that no resend of the first call is still on its way
		HubSandbox.outage(Backend.PAYMENT);
		String refundId = api.workflow(ret.id()).path("refundId").asString();
		await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> api.refund(refundId).path("status").asString(), "UNKNOWN"::equals);
		assertThat(api.refund(refundId).path("submissions").asInt()).isGreaterThanOrEqualTo(1);
		await().atMost(AuthorizedReturn.PATIENCE).until(() -> paymentCallsGivenUp() > givenUpBefore);

		// and then it forgets every idempotency key
		HubSandbox.backendBean(IdempotencyKeys.class).forgetAll();

		// when the provider is reachable again (the lost answer goes out too, to nobody)
		answers.releaseAndAwaitServed();
		HubSandbox.heal();

		// then the return closes with the refund the provider made first, and no other
		AuthorizedReturn.awaitStatus(api, ret.id(), "CLOSED");
		JsonNode atProvider = HubSandbox.withServiceToken().build()
			.get()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/refunds?orderId={order}&reference={reference}",
					order.orderNumber(), refundId)
			.retrieve()
			.body(JsonNode.class);
		assertThat(atProvider).hasSize(1);
		assertThat(api.refund(refundId).path("providerRefundId").asString()).isEqualTo(atProvider.get(0).path("id").asString());
		// one refund on the order's payment (counted there: other tests' returns may still be refunding meanwhile)
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
		assertThat(api.workflow(ret.id()).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("refund.succeeded"))
			.singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("found by reference"));
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	/** Calls to the payment provider the system API gave up on after retrying them. */
	private static long paymentCallsGivenUp() {
		return HubSandbox.systemApi()
			.getBean(RetryRegistry.class)
			.retry(Backend.PAYMENT.id())
			.getMetrics()
			.getNumberOfFailedCallsWithRetryAttempt();
	}
}
