package io.retailhub.process.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import io.retailhub.sandbox.backends.data.DemoData.Showcase;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.payment.PaymentEffects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The headline: a return requested over HTTP goes all the way to refund completed and return
 * closed, through real PostgreSQL, Kafka, system API and sandbox backends, with exactly one
 * refund at the payment provider, whatever is delivered twice and even while payment is down.
 */
@ReturnsIntegrationTest
class ReturnToRefundIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	JsonMapper json;

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Test
	void takesAReturnFromRequestToRefundCompletedAndReturnClosed() {
		// given the showcase order, delivered ten days ago, three lines, one with a promotion
		DemoOrder order = DemoOrders.showcase(Showcase.DELIVERED_ORDER);
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());

		// when a customer asks to return one unit of every line
		ResponseEntity<JsonNode> created = api.requestReturn(newKey(), order.orderNumber(), "PORTAL",
				order.lines().stream().map(l -> line(l.itemNumber(), 1, "SIZE_TOO_SMALL")).toArray(Map[]::new));
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		String id = created.getBody().path("id").asString();

		// then ERP holds the RMA and CRM the case
		JsonNode authorized = awaitStatus(id, "AUTHORIZED", r -> !r.path("caseId").isNull() && r.has("caseId"));
		String rma = authorized.path("rmaNumber").asString();
		assertThat(rma).isNotBlank();

		// when the warehouse receives everything: the receipt, its duplicate, and an older one arriving late
		List<WarehouseReceipts.Line> all = order.lines()
			.stream()
			.map(l -> WarehouseReceipts.Line.allGood(l.itemNumber(), l.sku(), 1))
			.toList();
		String receipt = warehouse.publish(order.orderNumber(), rma, 2, all);
		warehouse.publish(receipt, order.orderNumber(), rma, 2, all);
		warehouse.publish(order.orderNumber(), rma, 1, List.of(WarehouseReceipts.Line.allGood(
				order.lines().get(0).itemNumber(), order.lines().get(0).sku(), 0)));

		// then the refund completes and the return closes
		JsonNode closed = awaitStatus(id, "CLOSED", r -> true);
		assertThat(closed.path("lines")).allSatisfy(l -> {
			assertThat(l.path("quantityReceived").asInt()).isEqualTo(1);
			assertThat(l.path("disposition").asString()).isEqualTo("RESTOCK");
		});
		JsonNode workflow = api.workflow(id);
		assertThat(workflow.path("refundStatus").asString()).isEqualTo("COMPLETED");
		JsonNode refund = api.refund(workflow.path("refundId").asString());
		assertThat(refund.path("amount").path("amount").decimalValue())
			.isEqualByComparingTo(closed.path("refundAmount").path("amount").decimalValue());
		assertThat(refund.path("providerRefundId").asString()).startsWith("re_");
		assertThat(refund.path("creditMemoId").asString()).isNotBlank();

		// and exactly one refund reached the payment provider
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);

		// and every step is done, with a timeline a person can read
		assertThat(workflow.path("steps")).extracting(s -> s.path("step").asString())
			.contains("return.evaluate", "return.create-rma", "return.open-case", "return.inspect", "refund.submit",
					"refund.post-credit-memo", "return.close-case");
		assertThat(workflow.path("steps")).filteredOn(s -> !s.path("step").asString().equals("return.expire"))
			.allSatisfy(s -> assertThat(s.path("status").asString()).isIn("DONE", "CANCELED"));
		assertThat(workflow.path("timeline")).extracting(t -> t.path("kind").asString())
			.contains("return.requested", "return.authorized", "return.received", "return.inspected",
					"refund.succeeded", "refund.posted", "return.closed");

		// and the CRM case is closed
		JsonNode crmCase = HubSandbox.withServiceToken().build()
			.get()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/cases/{id}", closed.path("caseId").asString())
			.retrieve()
			.body(JsonNode.class);
		assertThat(crmCase.path("status").asString()).isEqualTo("CLOSED");

		// and the whole story is on Kafka
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(PublishedEvents.of(Topics.RETURNS, order.orderNumber()))
				.filteredOn(e -> e.subject().equals("returns/" + id))
				.extracting(PublishedEvents.Event::type)
				.containsExactly(EventType.RETURN_REQUESTED.type(), EventType.RETURN_AUTHORIZED.type(),
						EventType.RETURN_INSPECTED.type(), EventType.RETURN_CLOSED.type());
			assertThat(PublishedEvents.of(Topics.REFUNDS, order.orderNumber()))
				.filteredOn(e -> e.subject().equals("refunds/" + workflow.path("refundId").asString()))
				.extracting(PublishedEvents.Event::type)
				.containsExactly(EventType.REFUND_REQUESTED.type(), EventType.REFUND_POSTED.type());
			assertThat(PublishedEvents.of(Topics.CASES, order.orderNumber()))
				.filteredOn(e -> e.subject().equals("cases/" + closed.path("caseId").asString()))
				.extracting(PublishedEvents.Event::type)
				.containsExactly(EventType.CASE_OPENED.type(), EventType.CASE_CLOSED.type());
		});
	}

	@Test
	void parksTheRefundWhilePaymentIsDownAndCompletesItOnceAfterwards() {
		// given an authorized return
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		long conflictsBefore = HubSandbox.paymentEffect(PaymentEffects.IDEMPOTENCY_CONFLICTS);
		String id = api.requestReturn(newKey(), order.orderNumber(), "AGENT", line(line.itemNumber(), 1, "DEFECTIVE"))
			.getBody()
			.path("id")
			.asString();
		String rma = awaitStatus(id, "AUTHORIZED", r -> r.has("caseId") && !r.path("caseId").isNull())
			.path("rmaNumber")
			.asString();

		// when the payment provider goes down and the parcel arrives
		HubSandbox.outage(Backend.PAYMENT);
		warehouse.publish(order.orderNumber(), rma, 1,
				List.of(WarehouseReceipts.Line.allGood(line.itemNumber(), line.sku(), 1)));

		// then the refund is parked, visibly, and the customer is told it is pending
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode workflow = api.workflow(id);
			assertThat(workflow.path("refundStatus").asString()).isEqualTo("QUEUED");
			assertThat(workflow.path("steps"))
				.anySatisfy(s -> {
					assertThat(s.path("step").asString()).isEqualTo("refund.submit");
					assertThat(s.path("status").asString()).isEqualTo("PARKED");
					assertThat(s.path("parkedReason").asString()).contains("payment");
				})
				.anySatisfy(s -> {
					assertThat(s.path("step").asString()).isEqualTo("return.note-refund-pending");
					assertThat(s.path("status").asString()).isEqualTo("DONE");
				});
		});
		JsonNode crmCase = HubSandbox.withServiceToken().build()
			.get()
			.uri(HubSandbox.systemApiUrl() + "/api/system/v1/cases/{id}", api.returnOf(id).path("caseId").asString())
			.retrieve()
			.body(JsonNode.class);
		assertThat(crmCase.path("comments")).anySatisfy(c -> assertThat(c.path("body").asString()).contains("pending"));
		// and each refund-queued event says when the engine really tries again: the step's due time after that park
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode submit = step(api.workflow(id), "refund.submit");
			assertThat(submit.path("status").asString()).isEqualTo("PARKED");
			int attempts = submit.path("attempts").asInt();
			List<JsonNode> queued = PublishedEvents.of(Topics.REFUNDS, order.orderNumber())
				.stream()
				.filter(e -> e.type().equals(EventType.REFUND_QUEUED.type()))
				.map(e -> json.readTree(e.payload()))
				.toList();
			assertThat(queued).filteredOn(q -> q.path("attempts").asInt() == attempts)
				.singleElement()
				.satisfies(q -> assertThat(Instant.parse(q.path("nextAttemptAt").asString()))
					.isEqualTo(Instant.parse(submit.path("dueAt").asString())));
		});
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore);
		// and, while every parked attempt publishes its next attempt time, the timeline records the
		// refund being queued once, not every attempt of the outage
		await().atMost(PATIENCE).until(() -> step(api.workflow(id), "refund.submit").path("attempts").asInt() >= 3);
		assertThat(api.workflow(id).path("timeline").valueStream().map(t -> t.path("kind").asString()))
			.containsOnlyOnce("refund.queued");

		// when payment recovers
		HubSandbox.heal();

		// then the refund completes by itself, exactly once
		awaitStatus(id, "CLOSED", r -> true);
		assertThat(HubSandbox.refundsAtPayment(order.paymentIntentId())).isEqualTo(refundsBefore + 1);
		assertThat(HubSandbox.paymentEffect(PaymentEffects.IDEMPOTENCY_CONFLICTS)).isEqualTo(conflictsBefore);
		assertThat(api.workflow(id).path("refundStatus").asString()).isEqualTo("COMPLETED");
	}

	private static JsonNode step(JsonNode workflow, String name) {
		return workflow.path("steps")
			.valueStream()
			.filter(s -> s.path("step").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private JsonNode awaitStatus(String id, String status, Predicate<JsonNode> and) {
		return await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.returnOf(id), r -> {
				assertThat(r.path("status").asString()).as("%s", r).isNotIn("DECLINED", "REQUIRES_ACTION", "EXPIRED");
				return r.path("status").asString().equals(status) && and.test(r);
			});
	}
}
