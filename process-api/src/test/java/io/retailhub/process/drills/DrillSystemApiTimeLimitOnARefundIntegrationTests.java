package io.retailhub.process.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HeldRequests;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.PublishedEvents;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.backend.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

/**
 * Drill: the system API's own time limit runs out on a refund the payment provider made but has not
 * answered yet (the sandbox holds the answer back), and the provider answers nothing else (503). The
 * system API must answer 504 (the refund may have happened), not 503; process-api must then hold the
 * refund as UNKNOWN, not QUEUED, tell the customer nothing about a "pending" refund, and settle it by
 * looking it up once payment answers: one refund at the provider.
 *
 * <p>The system API's payment time limit is cut to 1 s for the drill, below process-api's 3 s read
 * timeout, so the system API's answer (not process-api's own timeout) is what the refund step sees.
 */
@ReturnsIntegrationTest
class DrillSystemApiTimeLimitOnARefundIntegrationTests {

	private static final Duration SYSTEM_API_TIME_LIMIT = Duration.ofSeconds(1);

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	TimeLimiter usualTimeLimit;

	@BeforeEach
	void setUp() {
		TimeLimiterRegistry timeLimiters = HubSandbox.systemApi().getBean(TimeLimiterRegistry.class);
		usualTimeLimit = timeLimiters.timeLimiter(Backends.PAYMENT);
		timeLimiters.replace(Backends.PAYMENT, TimeLimiter.of(Backends.PAYMENT, TimeLimiterConfig
			.from(usualTimeLimit.getTimeLimiterConfig())
			.timeoutDuration(SYSTEM_API_TIME_LIMIT)
			.build()));
	}

	@AfterEach
	void restoreTheUsualTimeLimit() {
		HubSandbox.systemApi().getBean(TimeLimiterRegistry.class).replace(Backends.PAYMENT, usualTimeLimit);
	}

	@Test
	void holdsTheRefundAsUnknownAndSettlesItByLookupWhenTheSystemApiTimesOut() {
		// given an authorized return, and a provider that makes refunds but holds back its answers
		DemoOrder order = DemoOrders.freshDelivered();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		AuthorizedReturn ret = AuthorizedReturn.of(api, order, 1);
		HeldRequests.Hold answers = HubSandbox.held().holdAnswers(Backend.PAYMENT, "POST", "/v1/refunds");

		// when the parcel arrives and the provider makes the refund, its answer held back past the system API's time limit
		warehouse.publish(order.orderNumber(), ret.rmaNumber(), 1, ret.allReceived());
		answers.awaitHeld(1);
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);

		// and the provider answers nothing else (503)
		HubSandbox.outage(Backend.PAYMENT);
		String refundId = api.workflow(ret.id()).path("refundId").asString();

		// then the system API's 504 reached the refund step as "no answer": the refund is UNKNOWN, not QUEUED
		await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> api.refund(refundId).path("status").asString(), "UNKNOWN"::equals);
		assertThat(api.workflow(ret.id()).path("timeline"))
			.anySatisfy(t -> {
				assertThat(t.path("kind").asString()).isEqualTo("refund.unknown");
				assertThat(t.path("detail").asString()).contains("504");
			});

		// when the provider answers again (the held answer goes out too, to nobody)
		answers.releaseAndAwaitServed();
		HubSandbox.heal();

		// then the refund is found by its reference, the return closes, and the provider made one refund
		AuthorizedReturn.awaitStatus(api, ret.id(), "CLOSED");
		JsonNode workflow = api.workflow(ret.id());
		assertThat(workflow.path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("refund.succeeded"))
			.singleElement()
			.satisfies(t -> assertThat(t.path("detail").asString()).contains("found by reference"));
		// one refund on the order's payment (counted there: other tests' returns may still be refunding meanwhile)
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);

		// and nobody was told the refund was queued or pending: no refund-queued event, no pending note
		assertThat(workflow.path("timeline")).noneSatisfy(
				t -> assertThat(t.path("kind").asString()).isEqualTo("refund.queued"));
		assertThat(workflow.path("steps"))
			.noneSatisfy(s -> assertThat(s.path("step").asString()).isEqualTo("return.note-refund-pending"));
		List<PublishedEvents.Event> refundEvents = PublishedEvents.of(Topics.REFUNDS, order.orderNumber());
		assertThat(refundEvents).extracting(PublishedEvents.Event::type)
			.contains(EventType.REFUND_POSTED.type())
			.doesNotContain(EventType.REFUND_QUEUED.type());
		JsonNode crmCase = HubSandbox.withServiceToken().build()
			.get()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/cases/{id}", api.returnOf(ret.id()).path("caseId").asString())
			.retrieve()
			.body(JsonNode.class);
		assertThat(crmCase.path("comments"))
			.noneSatisfy(c -> assertThat(c.path("body").asString()).containsIgnoringCase("pending"));
	}
}
