package io.retailhub.experience.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.experience.security.GuestTokens;
import io.retailhub.experience.support.ExperienceHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who sees which timeline, with real tokens of the sandbox authorization server: a customer sees
 * the shopper entries of their own orders only (another's order and an unknown one answer the
 * same 404), the agent API needs the agent role, and nobody gets in without a token.
 */
@TimelineIntegrationTest
class PortalTimelineIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String CUSTOMER = "17100001";

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	TimelineReader reader;

	@Autowired
	GuestTokens guestTokens;

	PublishedEvents events;

	ExperienceHttp http;

	@BeforeEach
	void setUp() {
		this.events = new PublishedEvents(this.kafka, this.json);
		this.http = new ExperienceHttp(this.port);
	}

	@Test
	void showsTheCustomerOnlyTheShopperEntriesOfTheirOwnOrder() {
		ReturnStory story = ReturnStory.ofCustomer(CUSTOMER);
		this.events.publish(story.placed());
		this.events.publish(story.requested(ReturnChannel.PORTAL));
		this.events.publish(story.authorized());
		this.events.publish(story.caseOpened());
		this.events.publish(story.refundRequested());
		this.events.publish(story.caseNoted());
		this.events.publish(story.refundPosted());
		await().atMost(PATIENCE).until(() -> entries(story) == 7);

		ExperienceHttp.Answer answer = this.http.get("/api/portal/v1/orders/" + story.order + "/timeline",
				TimelineWorld.token("customer." + CUSTOMER));

		assertThat(answer.status()).isEqualTo(200);
		List<JsonNode> entries = answer.json().get("entries").valueStream().toList();
		assertThat(entries).extracting(entry -> entry.get("kind").asString())
			.containsExactly("REFUND_POSTED", "RETURN_AUTHORIZED", "RETURN_REQUESTED", "ORDER_PLACED");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.has("customerId")).isFalse();
			assertThat(entry.has("actor")).isFalse();
			assertThat(entry.has("eventId")).isFalse();
			assertThat(entry.get("detail").has("caseId")).isFalse();
			assertThat(entry.get("detail").has("refundId")).isFalse();
		});
		assertThat(entries.get(1).get("detail").get("rmaNumber").asString()).isEqualTo(story.rma.value());
	}

	@Test
	void showsAGuestTheShopperEntriesOfTheirOneOrderOnly() {
		ReturnStory story = ReturnStory.ofCustomer(CUSTOMER);
		ReturnStory another = ReturnStory.ofCustomer(CUSTOMER);
		this.events.publish(story.placed());
		this.events.publish(story.requested(ReturnChannel.PORTAL));
		this.events.publish(story.caseOpened());
		this.events.publish(another.placed());
		await().atMost(PATIENCE).until(() -> entries(story) == 3 && entries(another) == 1);
		String guest = this.guestTokens.issue(story.order.value()).token();

		ExperienceHttp.Answer own = this.http.get("/api/portal/v1/orders/" + story.order + "/timeline", guest);
		ExperienceHttp.Answer sameCustomersOther = this.http.get("/api/portal/v1/orders/" + another.order + "/timeline",
				guest);

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("entries").findValuesAsString("kind")).containsExactly("RETURN_REQUESTED",
				"ORDER_PLACED");
		// a guest token opens its one order, not the other orders of the same customer
		assertThat(sameCustomersOther.status()).isEqualTo(404);
	}

	@Test
	void answersAnotherCustomersOrderAndAnUnknownOrderWithTheSame404() {
		ReturnStory others = ReturnStory.ofCustomer("17100002");
		this.events.publish(others.placed());
		await().atMost(PATIENCE).until(() -> entries(others) == 1);
		String token = TimelineWorld.token("customer." + CUSTOMER);

		ExperienceHttp.Answer theirs = this.http.get("/api/portal/v1/orders/" + others.order + "/timeline", token);
		ExperienceHttp.Answer unknown = this.http.get("/api/portal/v1/orders/TL-NOSUCHORDER/timeline", token);

		for (ExperienceHttp.Answer answer : List.of(theirs, unknown)) {
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().get("type").asString()).isEqualTo("https://retailhub.io/problems/not-found");
		}
		try (SseClient stream = SseClient.connect(
				"http://localhost:" + this.port + "/api/portal/v1/orders/" + others.order + "/timeline/stream",
				Map.of("Authorization", "Bearer " + token))) {
			assertThat(stream.status()).isEqualTo(404);
		}
	}

	@Test
	void streamsToTheCustomerOnlyWhatIsMeantForThem() {
		ReturnStory story = ReturnStory.ofCustomer(CUSTOMER);
		this.events.publish(story.placed());
		await().atMost(PATIENCE).until(() -> entries(story) == 1);

		try (SseClient stream = SseClient.connect(
				"http://localhost:" + this.port + "/api/portal/v1/orders/" + story.order + "/timeline/stream",
				Map.of("Authorization", "Bearer " + TimelineWorld.token("customer." + CUSTOMER)))) {
			assertThat(stream.status()).isEqualTo(200);
			this.events.publish(story.refundRequested());
			this.events.publish(story.caseNoted());
			this.events.publish(story.refundPosted());

			await().atMost(PATIENCE).until(() -> stream.events().size() == 1);
			await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> entries(story) == 4);
			assertThat(stream.events()).extracting(event -> this.json.readTree(event.data()).get("kind").asString())
				.containsExactly("REFUND_POSTED");
		}
	}

	@Test
	void theAgentTimelineNeedsAnAgentsToken() {
		String path = "/api/agent/v1/customers/" + CUSTOMER + "/timeline";

		ExperienceHttp.Answer anonymous = this.http.get(path, null);
		ExperienceHttp.Answer customer = this.http.get(path, TimelineWorld.token("customer." + CUSTOMER));
		ExperienceHttp.Answer agent = this.http.get(path, TimelineWorld.token("agent.sam"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(customer.status()).isEqualTo(403);
		assertThat(customer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(agent.status()).isEqualTo(200);
	}

	private int entries(ReturnStory story) {
		return this.reader.orderTimeline(story.order.value(), null, 200).entries().size();
	}

}
