package io.retailhub.process.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import io.retailhub.contracts.problems.Headers;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who did it: the person a channel names in {@code X-Acting-User} is recorded on the return, on its
 * timeline, in the events it publishes and, for an agent, on the CRM case; a malformed name is bad
 * input that changes nothing.
 */
@ReturnsIntegrationTest
class ActingUserIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	ProcessApi api;

	@Autowired
	JsonMapper json;

	@Autowired
	WarehouseReceipts warehouse;

	@Test
	void recordsTheAgentWhoRequestedAndCanceledOnTheReturnItsTimelineEventsAndCase() {
		// given an agent requesting a return for a customer
		DemoOrder order = DemoOrders.freshReturnable();
		ResponseEntity<JsonNode> created = api.post("/returns",
				Map.of(Headers.IDEMPOTENCY_KEY, newKey(), Headers.ACTING_USER, "agent:agent.ava"),
				Map.of("orderId", order.orderNumber(), "channel", "AGENT", "lines",
						List.of(line(order.lines().get(0).itemNumber(), 1, "DEFECTIVE"))));
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		String id = created.getBody().path("id").asString();
		assertThat(created.getBody().path("requestedBy").asString()).isEqualTo("agent:agent.ava");
		await().atMost(PATIENCE)
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED")
					&& r.hasNonNull("caseId"));

		// when another agent cancels it
		ResponseEntity<JsonNode> canceled = api.post("/returns/" + id + "/cancel",
				Map.of(Headers.ACTING_USER, "agent:agent.sam"), Map.of("reason", "customer keeps it"));

		// then the return, its timeline and its events name each of them
		assertThat(canceled.getStatusCode()).as("%s", canceled.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(canceled.getBody().path("canceledBy").asString()).isEqualTo("agent:agent.sam");
		JsonNode timeline = api.workflow(id).path("timeline");
		assertThat(timeline).anySatisfy(entry -> {
			assertThat(entry.path("kind").asString()).isEqualTo("return.requested");
			assertThat(entry.path("actor").asString()).isEqualTo("agent:agent.ava");
			assertThat(entry.path("detail").asString()).contains("by agent agent.ava");
		}).anySatisfy(entry -> {
			assertThat(entry.path("kind").asString()).isEqualTo("return.canceled");
			assertThat(entry.path("actor").asString()).isEqualTo("agent:agent.sam");
		});
		await().atMost(PATIENCE).untilAsserted(() -> {
			List<JsonNode> events = PublishedEvents.of(Topics.RETURNS, order.orderNumber())
				.stream()
				.filter(e -> e.subject().equals("returns/" + id))
				.filter(e -> e.type().equals(EventType.RETURN_REQUESTED.type())
						|| e.type().equals(EventType.RETURN_CANCELED.type()))
				.map(e -> json.readTree(e.payload()))
				.toList();
			assertThat(events).extracting(e -> e.path("requestedBy").asString(""))
				.contains("agent:agent.ava");
			assertThat(events).extracting(e -> e.path("canceledBy").asString("")).contains("agent:agent.sam");
		});
		// and the CRM case notes the agent's cancellation by name, once
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode crmCase = HubSandbox.withServiceToken().build()
				.get()
				.uri(HubSandbox.systemApiUrl() + "/api/system/v1/cases/{id}", api.returnOf(id).path("caseId").asString())
				.retrieve()
				.body(JsonNode.class);
			assertThat(crmCase.path("description").asString()).contains("by agent agent.ava");
			assertThat(crmCase.path("comments").valueStream().map(c -> c.path("body").asString()))
				.filteredOn(body -> body.contains("canceled by agent agent.sam"))
				.hasSize(1);
		});
	}

	@Test
	void recordsWhoResumedAReturnThatRequiredAction() {
		// given a return that needs a person: a parcel arrived after it was canceled
		DemoOrder order = DemoOrders.freshReturnable();
		String id = api.requestReturn(newKey(), order.orderNumber(), "PORTAL",
				line(order.lines().get(0).itemNumber(), 1, "UNWANTED")).getBody().path("id").asString();
		String rma = await().atMost(PATIENCE)
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED"))
			.path("rmaNumber")
			.asString();
		api.cancel(id);
		// as from a WMS that does not check the RMA (the sandbox WMS refuses a parcel for a canceled one)
		warehouse.publish(order.orderNumber(), rma, 1, List.of(WarehouseReceipts.Line
			.allGood(order.lines().get(0).itemNumber(), order.lines().get(0).sku(), 1)));
		await().atMost(PATIENCE).until(() -> api.returnOf(id), r -> r.path("status").asString().equals("REQUIRES_ACTION"));

		// when ops resume it
		ResponseEntity<JsonNode> resumed = api.post("/returns/" + id + "/resume", Map.of(Headers.ACTING_USER, "ops:ops.olga"),
				null);

		// then
		assertThat(resumed.getStatusCode()).as("%s", resumed.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(resumed.getBody().path("resumedBy").asString()).isEqualTo("ops:ops.olga");
		assertThat(api.workflow(id).path("timeline")).anySatisfy(entry -> {
			assertThat(entry.path("kind").asString()).isEqualTo("return.resumed");
			assertThat(entry.path("actor").asString()).isEqualTo("ops:ops.olga");
		});
	}

	@Test
	void refusesAnActingUserThatIsNoRoleAndSubjectAndChangesNothing() {
		DemoOrder order = DemoOrders.freshReturnable();
		Map<String, Object> body = Map.of("orderId", order.orderNumber(), "channel", "AGENT", "lines",
				List.of(line(order.lines().get(0).itemNumber(), 1, "DEFECTIVE")));

		for (String malformed : List.of("agent.ava", "Agent:ava", "agent:", ":ava", "agent:ava smith",
				"agent:" + "a".repeat(150))) {
			ResponseEntity<JsonNode> refused = api.post("/returns",
					Map.of(Headers.IDEMPOTENCY_KEY, newKey(), Headers.ACTING_USER, malformed), body);

			assertThat(refused.getStatusCode()).as(malformed).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody().path("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
			assertThat(refused.getBody().path("errors").findValuesAsString("field")).as(malformed)
				.contains(Headers.ACTING_USER);
		}
		assertThat(api.get("/returns?orderId={o}", order.orderNumber()).getBody()).isEmpty();
	}
}
