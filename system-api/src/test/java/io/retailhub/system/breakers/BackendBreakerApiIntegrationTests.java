package io.retailhub.system.breakers;

import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.support.ResilienceReset;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static io.retailhub.system.support.SystemApiHttp.get;
import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/system/v1/backends} while the sandbox's ERP is in outage (its fault injection): the
 * breaker opens, with the failures that opened it and the incident's start, and closes again, its
 * incident over, once ERP is back. Only a token with {@code system.backends.read} may read it.
 */
@SystemApiIntegrationTest
class BackendBreakerApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	RestClient http;

	@BeforeEach
	void client() {
		ResilienceReset.healAll(circuitBreakers);
		http = SystemApiHttp.client(port, "");
	}

	@AfterEach
	void heal() {
		ResilienceReset.healAll(circuitBreakers);
	}

	@Test
	void showsErpsBreakerOpenDuringAnOutageSinceItStartedAndClosedAfter() {
		// given every breaker closed
		JsonNode before = jsonOf(get(http, "/api/system/v1/backends"));
		assertThat(before.valueStream().map(b -> b.path("backend").asString()))
			.containsExactly("erp", "crm", "payment", "warehouse", "commerce");
		assertThat(before.valueStream().map(b -> b.path("state").asString())).containsOnly("CLOSED");
		Instant outageStarted = Instant.now().minusMillis(500);

		// when ERP goes down while orders are read
		Sandbox.outage(Backend.ERP);
		JsonNode erp = await().atMost(Duration.ofSeconds(30)).until(() -> {
			get(http, "/api/system/v1/orders/WEB-100001");
			return erp(jsonOf(get(http, "/api/system/v1/backends")));
		}, b -> b.path("state").asString().equals("OPEN"));

		// then its breaker is open since the incident started, with the failures that opened it
		assertThat(Instant.parse(erp.path("openSince").asString())).isAfter(outageStarted).isBefore(Instant.now());
		assertThat(erp.path("failedCalls").asInt()).isPositive();
		assertThat(erp.path("failureRatePercent").asDouble()).isGreaterThanOrEqualTo(50.0);
		assertThat(erp.path("slowCallRatePercent").isNumber()).isTrue();
		assertThat(erp.path("bufferedCalls").asInt()).isGreaterThanOrEqualTo(erp.path("failedCalls").asInt());
		get(http, "/api/system/v1/orders/WEB-100001");
		assertThat(erp(jsonOf(get(http, "/api/system/v1/backends"))).path("notPermittedCalls").asLong()).isPositive();

		// when ERP is back, the breaker closes and the incident is over
		Sandbox.heal();
		JsonNode healed = await().atMost(Duration.ofSeconds(60)).until(() -> {
			get(http, "/api/system/v1/orders/WEB-100001");
			return erp(jsonOf(get(http, "/api/system/v1/backends")));
		}, b -> b.path("state").asString().equals("CLOSED"));
		assertThat(healed.path("openSince").isNull()).isTrue();
	}

	@Test
	void needsTheBackendsReadScope() {
		ResponseEntity<String> refused = SystemApiHttp.anonymous("http://localhost:" + port)
			.get()
			.uri("/api/system/v1/backends")
			.header("Authorization", "Bearer " + io.retailhub.sandbox.identity.SharedIdentity.tokens()
				.serviceToken("system.orders.read"))
			.retrieve()
			.toEntity(String.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(SystemApiHttp.anonymous("http://localhost:" + port)
			.get()
			.uri("/api/system/v1/backends")
			.retrieve()
			.toEntity(String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	private static JsonNode erp(JsonNode backends) {
		return backends.valueStream().filter(b -> b.path("backend").asString().equals("erp")).findFirst().orElseThrow();
	}

}
