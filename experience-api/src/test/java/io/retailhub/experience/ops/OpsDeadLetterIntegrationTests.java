package io.retailhub.experience.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.retailhub.contracts.events.EventType;
import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import io.retailhub.experience.timeline.PublishedEvents;
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
 * The ops person's dead letters through experience-api, on a real one: a record process-api
 * cannot read is dead-lettered there, then found, inspected and replayed by {@code ops.olga}
 * through {@code /api/ops/v1}, while an agent may not replay it.
 */
@ExperienceApiIntegrationTest
class OpsDeadLetterIntegrationTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	JsonMapper json;

	ExperienceHttp http;

	String ops;

	@BeforeEach
	void setUp() {
		this.http = new ExperienceHttp(this.port);
		this.ops = ExperienceWorld.tokens().userToken("ops.olga");
	}

	@Test
	void listsInspectsAndReplaysADeadLetterOfProcessApiForOpsOnly() {
		// given a receipt event process-api cannot read
		String eventId = UUID.randomUUID().toString();
		byte[] poison = "{\"rmaNumber\": [\"not a receipt".getBytes(StandardCharsets.UTF_8);
		new PublishedEvents(this.kafka, this.json).publishRaw(EventType.RETURN_RECEIVED, "WEB-OPS-1", eventId, poison);

		// when ops looks for it, it is listed with its error
		JsonNode listed = await().atMost(Duration.ofSeconds(30))
			.until(() -> find(eventId), found -> found != null);
		assertThat(listed.get("error").asString()).contains("unreadable payload");
		String id = listed.get("id").asString();

		// and its detail carries the original bytes
		Answer detail = this.http.get("/api/ops/v1/dead-letters/" + id, this.ops);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.json().get("payloadText").asString()).isEqualTo(new String(poison, StandardCharsets.UTF_8));
		assertThat(detail.json().get("replayCount").asInt()).isZero();

		// and an agent may not replay it, ops may
		assertThat(this.http.post("/api/ops/v1/dead-letters/" + id + "/replay",
				ExperienceWorld.tokens().userToken("agent.ava"), null).status()).isEqualTo(403);
		Answer replayed = this.http.post("/api/ops/v1/dead-letters/" + id + "/replay", this.ops, null);
		assertThat(replayed.status()).isEqualTo(202);
		assertThat(replayed.json().get("replayCount").asInt()).isOne();
		assertThat(this.http.get("/api/ops/v1/dead-letters/" + id, this.ops).json().get("replayedAt").isNull())
			.isFalse();
	}

	@Test
	void refusesAnUnknownDeadLetterAndBadPaging() {
		assertThat(this.http.get("/api/ops/v1/dead-letters/" + UUID.randomUUID(), this.ops).status()).isEqualTo(404);
		assertThat(this.http.get("/api/ops/v1/dead-letters/not-a-uuid", this.ops).status()).isEqualTo(400);
		Answer badSize = this.http.get("/api/ops/v1/dead-letters?size=0", this.ops);
		assertThat(badSize.status()).isEqualTo(400);
		assertThat(badSize.header("Content-Type")).startsWith("application/problem+json");
	}

	/** The summary of the dead letter of this event, or null while there is none. */
	private JsonNode find(String eventId) {
		Answer page = this.http.get("/api/ops/v1/dead-letters?size=200", this.ops);
		assertThat(page.status()).isEqualTo(200);
		for (JsonNode item : page.json().get("items")) {
			if (eventId.equals(item.path("eventId").asString(null))) {
				return item;
			}
		}
		return null;
	}
}
