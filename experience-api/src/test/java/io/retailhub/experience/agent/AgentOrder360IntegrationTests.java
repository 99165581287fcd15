package io.retailhub.experience.agent;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import io.retailhub.experience.support.SandboxFaults;
import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@ExperienceApiIntegrationTest
@ExtendWith(SandboxFaults.class)
class AgentOrder360IntegrationTests {

	static final List<String> PANELS = List.of("order", "profile", "shipments", "payment", "returns", "cases",
			"eligibility");

	@Value("${local.server.port}")
	int port;

	ExperienceHttp http;

	String agent;

	@BeforeEach
	void setUp() {
		this.http = new ExperienceHttp(this.port);
		this.agent = ExperienceWorld.tokens().userToken("agent.ava");
	}

	@Test
	void answersEveryPanelOfADeliveredOrderInOneCall() {
		// when
		Answer answer = this.http.get("/api/agent/v1/orders/WEB-100001", this.agent);

		// then
		assertThat(answer.status()).isEqualTo(200);
		JsonNode body = answer.json();
		assertThat(body.get("customerId").asString()).isEqualTo("17100001");
		JsonNode panels = body.get("panels");
		for (String panel : PANELS) {
			assertThat(panels.get(panel).get("status").asString()).as(panel).isEqualTo("OK");
			assertThat(panels.get(panel).get("asOf").isNull()).as(panel).isFalse();
			assertThat(panels.get(panel).get("data").isNull()).as(panel).isFalse();
		}
		assertThat(panels.get("order").get("source").asString()).isEqualTo("erp");
		assertThat(panels.get("profile").get("data").get("id").asString()).isEqualTo("17100001");
		assertThat(panels.get("shipments").get("data").size()).isPositive();
		assertThat(panels.get("payment").get("data").get("payment").get("status").asString()).isEqualTo("CAPTURED");
		JsonNode lines = panels.get("eligibility").get("data");
		assertThat(lines.size()).isEqualTo(panels.get("order").get("data").get("lines").size());
		JsonNode eligible = first(lines, "eligible", true);
		assertThat(eligible.get("refundEstimate").get("amount").decimalValue()).isPositive();
		assertThat(eligible.get("windowEndsAt").isNull()).isFalse();
		assertThat(names(body.get("actions"))).contains("START_RETURN");
	}

	@Test
	void saysWhyALineCannotBeReturned() {
		// when: line 20 of this order is final sale
		Answer answer = this.http.get("/api/agent/v1/orders/MKT-100004", this.agent);

		// then
		JsonNode lines = answer.json().get("panels").get("eligibility").get("data");
		JsonNode finalSale = first(lines, "lineNumber", "20");
		assertThat(finalSale.get("eligible").asBoolean()).isFalse();
		assertThat(finalSale.get("reason").asString()).isEqualTo("FINAL_SALE");
		assertThat(finalSale.get("message").asString()).isNotBlank();
		assertThat(finalSale.get("refundEstimate").isNull()).isTrue();
	}

	@Test
	void answersWithTheErpPanelsUnavailableWhileErpIsDown() {
		// given
		SandboxFaults.outage(Backend.ERP);

		// when
		Answer answer = this.http.get("/api/agent/v1/orders/WEB-100001", this.agent);

		// then: the panels that need ERP's order have no data; the rest come from their own backends
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.millis()).isLessThan(3500 + 1000);
		JsonNode panels = answer.json().get("panels");
		for (String panel : List.of("order", "eligibility")) {
			assertThat(panels.get(panel).get("status").asString()).as(panel).isEqualTo("UNAVAILABLE");
			assertThat(panels.get(panel).get("data").isNull()).as(panel).isTrue();
		}
		assertThat(panels.get("order").get("error").get("code").asString()).isEqualTo("BACKEND_UNAVAILABLE");
		assertThat(panels.get("eligibility").get("error").get("code").asString()).isEqualTo("DEPENDS_ON_ORDER");
		for (String panel : List.of("shipments", "payment", "returns", "cases")) {
			assertThat(panels.get(panel).get("status").asString()).as(panel).isEqualTo("OK");
		}
		assertThat(panels.get("shipments").get("data").size()).isPositive();
		assertThat(panels.get("payment").get("data").get("payment").get("status").asString()).isEqualTo("CAPTURED");
		// the profile needs the order's customer: the read model's, once it has recorded the order
		JsonNode profile = panels.get("profile");
		if ("OK".equals(profile.get("status").asString())) {
			assertThat(profile.get("data").get("id").asString()).isEqualTo("17100001");
		}
		else {
			assertThat(profile.get("error").get("code").asString()).isEqualTo("DEPENDS_ON_ORDER");
		}
		assertThat(names(answer.json().get("actions"))).doesNotContain("START_RETURN");
	}

	@ParameterizedTest(name = "{0} down")
	@MethodSource("panelsOfEachBackend")
	void answersWithinTheBudgetWithOnlyTheDownBackendsPanelsDegraded(Backend down, Set<String> degraded,
			Set<String> either) {
		// a first call after start (tokens, keys, connections) may take longer than a panel's budget
		this.http.get("/api/agent/v1/orders/WEB-100001", this.agent);
		SandboxFaults.outage(down);

		Answer answer = this.http.get("/api/agent/v1/orders/WEB-100001", this.agent);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.millis()).isLessThan(3500 + 1000);
		JsonNode panels = answer.json().get("panels");
		for (String panel : PANELS) {
			JsonNode found = panels.get(panel);
			if (degraded.contains(panel)) {
				// never an empty list standing in for "unknown"
				assertThat(found.get("status").asString()).as(panel).isEqualTo("UNAVAILABLE");
				assertThat(found.get("data").isNull()).as(panel).isTrue();
				assertThat(found.get("error").get("code").asString()).as(panel).isNotBlank();
			}
			else if (!either.contains(panel)) {
				assertThat(found.get("status").asString()).as(panel).isEqualTo("OK");
			}
		}
	}

	/**
	 * Per backend: the panels that cannot answer while it is down (eligibility asks ERP, commerce
	 * and the warehouse), and those that may (with ERP down, the profile needs the read model to
	 * know the order's customer).
	 */
	static Stream<Arguments> panelsOfEachBackend() {
		return Stream.of(arguments(Backend.ERP, Set.of("order", "eligibility"), Set.of("profile")),
				arguments(Backend.CRM, Set.of("profile", "cases"), Set.of()),
				arguments(Backend.PAYMENT, Set.of("payment"), Set.of()),
				arguments(Backend.WAREHOUSE, Set.of("shipments", "eligibility"), Set.of()),
				arguments(Backend.COMMERCE, Set.of("eligibility"), Set.of()));
	}

	@ParameterizedTest(name = "{0} down")
	@MethodSource("backendsOfThePortalsOrder")
	void answersTheShoppersOrderWithOnlyTheDownBackendsPanelDegraded(Backend down) {
		String customer = ExperienceWorld.tokens().userToken("customer.17100001");
		this.http.get("/api/portal/v1/orders/WEB-100001", customer);
		SandboxFaults.outage(down);

		Answer answer = this.http.get("/api/portal/v1/orders/WEB-100001", customer);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.millis()).isLessThan(3500 + 1000);
		assertThat(answer.json().get("order").get("status").asString()).isEqualTo("OK");
		assertThat(answer.json().get("returns").get("status").asString()).isEqualTo("OK");
		assertThat(answer.json().get("shipments").get("status").asString())
			.isEqualTo(down == Backend.WAREHOUSE ? "UNAVAILABLE" : "OK");
	}

	static Stream<Backend> backendsOfThePortalsOrder() {
		return Stream.of(Backend.CRM, Backend.PAYMENT, Backend.WAREHOUSE, Backend.COMMERCE);
	}

	@Test
	void degradesOnlyTheSlowBackendsPanelsAndAnswersWithinTheBudget() {
		// given: the CRM answers 4 s late, past the panels' budget (2.5 s in these tests)
		SandboxFaults.latency(Backend.CRM, 4000);

		// when
		Answer answer = this.http.get("/api/agent/v1/orders/WEB-100001", this.agent);

		// then: total near the budget, not the backend's latency
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.millis()).isBetween(2400L, 3500L + 1000L);
		JsonNode panels = answer.json().get("panels");
		for (String panel : List.of("cases", "profile")) {
			assertThat(panels.get(panel).get("status").asString()).as(panel).isEqualTo("UNAVAILABLE");
			assertThat(panels.get(panel).get("error").get("code").asString()).as(panel).isEqualTo("TIMEOUT");
		}
		for (String panel : List.of("order", "shipments", "payment", "returns", "eligibility")) {
			assertThat(panels.get(panel).get("status").asString()).as(panel).isEqualTo("OK");
		}
	}

	@Test
	void answers404ForAnUnknownOrderAnd400ForAMalformedNumber() {
		// a first call after start (tokens, keys, connections) may take longer than a panel's budget
		this.http.get("/api/agent/v1/orders/WEB-100001", this.agent);

		assertThat(this.http.get("/api/agent/v1/orders/WEB-999999", this.agent).status()).isEqualTo(404);
		Answer malformed = this.http.get("/api/agent/v1/orders/WEB..1", this.agent);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void findsTheCustomerByEmailNameAndOrderNumberAndShowsTheir360() {
		JsonNode profile = this.http.get("/api/agent/v1/orders/WEB-100001", this.agent)
			.json().get("panels").get("profile").get("data");
		String name = profile.get("firstName").asString().substring(0, 3) + "%20"
				+ profile.get("lastName").asString().toLowerCase();

		Answer byEmail = this.http.get("/api/agent/v1/customers?email=" + profile.get("email").asString(), this.agent);
		Answer byName = this.http.get("/api/agent/v1/customers?name=" + name, this.agent);
		Answer byOrder = this.http.get("/api/agent/v1/customers?orderNumber=WEB-100001", this.agent);
		Answer view = this.http.get("/api/agent/v1/customers/17100001", this.agent);

		assertThat(byEmail.json().get(0).get("id").asString()).isEqualTo("17100001");
		assertThat(byName.json().findValuesAsString("id")).contains("17100001");
		assertThat(byName.json().findValuesAsString("lastName")).allMatch(
				last -> last.equalsIgnoreCase(profile.get("lastName").asString()));
		assertThat(byOrder.json().get(0).get("id").asString()).isEqualTo("17100001");
		assertThat(view.status()).isEqualTo(200);
		for (String panel : List.of("profile", "orders", "returns", "cases")) {
			assertThat(view.json().get("panels").get(panel).get("status").asString()).as(panel).isEqualTo("OK");
		}
		assertThat(this.http.get("/api/agent/v1/customers", this.agent).status()).isEqualTo(400);
		assertThat(this.http.get("/api/agent/v1/customers?name=a", this.agent).status()).isEqualTo(400);
		assertThat(this.http.get("/api/agent/v1/customers?name=a%20b%20c%20d%20e", this.agent).status())
			.isEqualTo(400);
	}

	static JsonNode first(JsonNode array, String member, Object value) {
		for (JsonNode node : array) {
			if (node.get(member) != null && String.valueOf(value).equals(node.get(member).asString())) {
				return node;
			}
		}
		throw new AssertionError("no element with " + member + "=" + value + " in " + array);
	}

	static List<String> names(JsonNode actions) {
		List<String> names = new java.util.ArrayList<>();
		actions.forEach(action -> names.add(action.get("name").asString()));
		return names;
	}
}
