package io.retailhub.experience.security;

import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Each channel's API answers its role only, with real tokens of the sandbox authorization server. */
@ExperienceApiIntegrationTest
class ChannelAccessIntegrationTests {

	@Value("${local.server.port}")
	int port;

	ExperienceHttp http;

	@BeforeEach
	void setUp() {
		this.http = new ExperienceHttp(this.port);
	}

	@Test
	void refusesARequestWithoutATokenWith401ProblemAndABearerChallenge() {
		Answer answer = this.http.get("/api/agent/v1/orders/WEB-100001", null);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("type").asString()).isEqualTo("https://retailhub.io/problems/unauthorized");
		assertThat(answer.json().get("correlationId").asString()).isNotBlank();
	}

	@Test
	void refusesAForgedToken() {
		String agent = ExperienceWorld.tokens().userToken("agent.ava");
		String forged = agent.substring(0, agent.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

		assertThat(this.http.get("/api/agent/v1/orders/WEB-100001", forged).status()).isEqualTo(401);
		assertThat(this.http.get("/api/agent/v1/orders/WEB-100001", "not-a-jwt").status()).isEqualTo(401);
	}

	@Test
	void letsEachRoleIntoItsOwnChannelOnly() {
		String customer = ExperienceWorld.tokens().userToken("customer.17100001");
		String supervisor = ExperienceWorld.tokens().userToken("agent.sam");
		String store = ExperienceWorld.tokens().userToken("store.nyc");
		String service = ExperienceWorld.tokens().serviceToken();

		// a supervisor is an agent
		assertThat(this.http.get("/api/agent/v1/customers/17100001", supervisor).status()).isEqualTo(200);
		Answer customerOnAgent = this.http.get("/api/agent/v1/customers/17100001", customer);
		assertThat(customerOnAgent.status()).isEqualTo(403);
		assertThat(customerOnAgent.header("Content-Type")).startsWith("application/problem+json");
		assertThat(customerOnAgent.json().get("type").asString()).isEqualTo("https://retailhub.io/problems/forbidden");
		assertThat(this.http.get("/api/portal/v1/orders", store).status()).isEqualTo(403);
		assertThat(this.http.get("/api/store/v1/orders/WEB-100001?lastName=x", customer).status()).isEqualTo(403);
		// a service token carries no role: no channel is its own
		assertThat(this.http.get("/api/portal/v1/orders", service).status()).isEqualTo(403);
		assertThat(this.http.get("/api/agent/v1/customers/17100001", service).status()).isEqualTo(403);
	}

	@Test
	void leavesHealthOpenForProbes() {
		assertThat(this.http.get("/actuator/health", null).status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/metrics", null).status()).isEqualTo(401);
	}
}
