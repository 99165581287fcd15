package io.retailhub.experience.portal;

import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

@ExperienceApiIntegrationTest
class GuestSessionIntegrationTests {

	@Value("${local.server.port}")
	int port;

	ExperienceHttp http;

	String emailOf17100001;

	@BeforeEach
	void setUp() {
		this.http = new ExperienceHttp(this.port);
		this.emailOf17100001 = this.http
			.get("/api/agent/v1/customers/17100001", ExperienceWorld.tokens().userToken("agent.ava"))
			.json().get("panels").get("profile").get("data").get("email").asString();
	}

	@Test
	void opensTheOneOrderForAGuestWithItsEmail() {
		// when
		Answer session = open("WEB-100002", this.emailOf17100001.toUpperCase());

		// then
		assertThat(session.status()).isEqualTo(200);
		String guest = session.json().get("accessToken").asString();
		assertThat(session.json().get("orderId").asString()).isEqualTo("WEB-100002");
		assertThat(this.http.get("/api/portal/v1/orders/WEB-100002", guest).status()).isEqualTo(200);
		assertThat(this.http.get("/api/portal/v1/orders", guest).json().get("orders").get("data").size()).isEqualTo(1);
		// the same customer's other order stays closed to this token
		assertThat(this.http.get("/api/portal/v1/orders/WEB-100001", guest).status()).isEqualTo(404);
		assertThat(this.http.get("/api/agent/v1/customers/17100001", guest).status()).isEqualTo(403);
	}

	@Test
	void answersAWrongEmailExactlyLikeAnUnknownOrderAndNoFaster() {
		Answer wrongEmail = open("WEB-100005", "someone.else@example.com");
		Answer unknownOrder = open("WEB-999997", this.emailOf17100001);

		assertThat(wrongEmail.status()).isEqualTo(404);
		assertThat(wrongEmail.problemWithoutCorrelation()).isEqualTo(unknownOrder.problemWithoutCorrelation());
		// both wait out the minimum answer time (300 ms in these tests)
		assertThat(wrongEmail.millis()).isGreaterThanOrEqualTo(300);
		assertThat(unknownOrder.millis()).isGreaterThanOrEqualTo(300);
	}

	@Test
	void limitsAttemptsPerOrderNumberWith429AndRetryAfter() {
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(open("MKT-100004", "guess" + attempt + "@example.com").status()).isEqualTo(404);
		}

		Answer sixth = open("MKT-100004", this.emailOf17100001);

		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
		assertThat(sixth.json().get("type").asString()).isEqualTo("https://retailhub.io/problems/too-many-requests");
		assertThat(Long.parseLong(sixth.header("Retry-After"))).isPositive();
	}

	@Test
	void refusesBadInput() {
		Answer noEmail = this.http.post("/api/portal/v1/guest-sessions", null, "{\"orderNumber\":\"WEB-100002\"}");
		Answer extra = this.http.post("/api/portal/v1/guest-sessions", null,
				"{\"orderNumber\":\"WEB-100002\",\"email\":\"a@b.c\",\"customerId\":\"17100001\"}");

		assertThat(noEmail.status()).isEqualTo(400);
		assertThat(noEmail.json().get("errors").toString()).contains("email");
		assertThat(extra.status()).isEqualTo(400);
	}

	private Answer open(String orderNumber, String email) {
		return this.http.post("/api/portal/v1/guest-sessions", null,
				"{\"orderNumber\":\"" + orderNumber + "\",\"email\":\"" + email + "\"}");
	}
}
