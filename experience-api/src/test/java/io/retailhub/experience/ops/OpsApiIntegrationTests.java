package io.retailhub.experience.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import io.retailhub.experience.support.SandboxFaults;
import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ops API through experience-api onto the real process and system APIs: backend health with
 * the breaker of a backend in outage, workflows by state and a retry refused for a step that is
 * not parked, the reconciliation run and read; bad input answered with problems; other roles
 * refused.
 */
@ExperienceApiIntegrationTest
@ExtendWith(SandboxFaults.class)
class OpsApiIntegrationTests {

	@Value("${local.server.port}")
	int port;

	ExperienceHttp http;

	String ops;

	String agent;

	@BeforeEach
	void setUp() {
		this.http = new ExperienceHttp(this.port);
		this.ops = ExperienceWorld.tokens().userToken("ops.olga");
		this.agent = ExperienceWorld.tokens().userToken("agent.ava");
	}

	@Test
	void showsTheOpenBreakerOfABackendInOutageWithItsIncidentStart() {
		// given every backend healthy
		JsonNode healthy = this.http.get("/api/ops/v1/backends", this.ops).json();
		assertThat(healthy.valueStream().map(b -> b.path("backend").asString())).contains("erp", "crm", "payment",
				"warehouse", "commerce");
		assertThat(backend(healthy, "erp").path("state").asString()).isEqualTo("CLOSED");
		assertThat(backend(healthy, "erp").path("openSince").isNull()).isTrue();
		Instant before = Instant.now().minusSeconds(1);

		// when ERP goes down while agents open orders
		SandboxFaults.outage(Backend.ERP);
		JsonNode erp = await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.http.get("/api/agent/v1/orders/WEB-100001", this.agent);
			return backend(this.http.get("/api/ops/v1/backends", this.ops).json(), "erp");
		}, b -> b.path("state").asString().equals("OPEN"));

		// then ops see its breaker open since the incident started, with the calls that opened it
		assertThat(Instant.parse(erp.path("openSince").asString())).isAfter(before).isBefore(Instant.now());
		assertThat(erp.path("failedCalls").asInt()).isPositive();
		assertThat(erp.path("bufferedCalls").asInt()).isGreaterThanOrEqualTo(erp.path("failedCalls").asInt());
		assertThat(erp.path("failureRatePercent").asDouble()).isGreaterThanOrEqualTo(50.0);
		// and the other backends as they are
		JsonNode all = this.http.get("/api/ops/v1/backends", this.ops).json();
		assertThat(backend(all, "crm").path("state").asString()).isEqualTo("CLOSED");
		assertThat(this.http.get("/api/ops/v1/backends", this.agent).status()).isEqualTo(403);
	}

	@Test
	void listsWorkflowsByStateAndRefusesARetryOfAStepThatIsNotParked() {
		// given a return an agent started: its evaluation runs at once and is never parked
		String returnId = agentReturn();

		// then ops list workflows by state, and a bad state or duration is a 400 problem
		Answer parked = this.http.get("/api/ops/v1/workflows?state=PARKED&olderThan=PT0S&size=50", this.ops);
		assertThat(parked.status()).isEqualTo(200);
		assertThat(parked.json().path("state").asString()).isEqualTo("PARKED");
		assertThat(parked.json().path("items").isArray()).isTrue();
		for (String bad : new String[] { "state=SLEEPING", "state=STUCK&olderThan=two-hours", "state=FAILED&size=0" }) {
			Answer refused = this.http.get("/api/ops/v1/workflows?" + bad, this.ops);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(bad).startsWith("application/problem+json");
		}

		// and a retry of a step that is not parked is a 409, of an unknown workflow a 404
		Answer notParked = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.http.post("/api/ops/v1/workflows/" + returnId + "/steps/return.evaluate/retry", this.ops,
					null), a -> a.status() == 409);
		assertThat(notParked.header("Content-Type")).startsWith("application/problem+json");
		assertThat(notParked.json().path("type").asString()).endsWith("/conflict");
		assertThat(notParked.json().path("stepStatus").asString()).isIn("DONE", "PENDING", "RUNNING");
		assertThat(this.http
			.post("/api/ops/v1/workflows/" + UUID.randomUUID() + "/steps/return.evaluate/retry", this.ops, null)
			.status()).isEqualTo(404);
		assertThat(this.http.post("/api/ops/v1/workflows/" + returnId + "/steps/return.evaluate/retry", this.agent, null)
			.status()).isEqualTo(403);
	}

	@Test
	void runsTheReconciliationAndReadsItsLatestReport() {
		// when ops run the reconciliation now
		Answer run = this.http.post("/api/ops/v1/reconciliation/runs", this.ops, null);

		// then it is done, recorded as theirs, and the latest report and the one of today
		assertThat(run.status()).as(run.text()).isEqualTo(201);
		String id = run.json().path("id").asString();
		assertThat(run.header("Location")).endsWith("/api/ops/v1/reconciliation/runs/" + id);
		assertThat(run.json().path("status").asString()).isEqualTo("DONE");
		assertThat(run.json().path("requestedBy").asString()).isEqualTo("ops:ops.olga");
		assertThat(run.json().path("mismatchesByKind").has("REFUND_WITHOUT_CREDIT_MEMO")).isTrue();
		assertThat(this.http.get("/api/ops/v1/reconciliation/reports/latest", this.ops).json().path("id").asString())
			.isEqualTo(id);
		assertThat(this.http.get("/api/ops/v1/reconciliation/reports/" + LocalDate.now(ZoneOffset.UTC), this.ops)
			.json()
			.path("id")
			.asString()).isEqualTo(id);
		assertThat(this.http.get("/api/ops/v1/reconciliation/runs/" + id, this.ops).status()).isEqualTo(200);

		// and a bad day is a 400, a day without a report a 404; an agent may not run it
		assertThat(this.http.get("/api/ops/v1/reconciliation/reports/someday", this.ops).status()).isEqualTo(400);
		assertThat(this.http.get("/api/ops/v1/reconciliation/reports/2001-01-01", this.ops).status()).isEqualTo(404);
		assertThat(this.http.post("/api/ops/v1/reconciliation/runs", this.agent, null).status()).isEqualTo(403);
	}

	private String agentReturn() {
		Answer started = this.http.post("/api/agent/v1/orders/WEB-100001/returns", this.agent,
				"{\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"SIZE_TOO_SMALL\"}]}",
				java.util.Map.of("Idempotency-Key", "ops-" + UUID.randomUUID()));
		assertThat(started.status()).as(started.text()).isIn(200, 201);
		return started.json().path("id").asString();
	}

	private static JsonNode backend(JsonNode backends, String name) {
		return backends.valueStream()
			.filter(b -> b.path("backend").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no backend " + name + " in " + backends));
	}

}
