package io.retailhub.experience.store;

import java.util.Map;
import java.util.UUID;

import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

@ExperienceApiIntegrationTest
class StoreIntegrationTests {

	@Value("${local.server.port}")
	int port;

	ExperienceHttp http;

	String nyc;

	@BeforeEach
	void setUp() {
		this.http = new ExperienceHttp(this.port);
		this.nyc = ExperienceWorld.tokens().userToken("store.nyc");
	}

	@Test
	void looksUpAnOnlineOrderOnlyWithTheCustomersLastName() {
		String lastName = customer("17100001").get("lastName").asString();

		Answer verified = this.http.get("/api/store/v1/orders/WEB-100001?lastName=" + lastName.toUpperCase(), this.nyc);
		Answer wrong = this.http.get("/api/store/v1/orders/WEB-100001?lastName=Nobody", this.nyc);
		Answer unknown = this.http.get("/api/store/v1/orders/WEB-999996?lastName=Nobody", this.nyc);

		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().get("order").get("id").asString()).isEqualTo("WEB-100001");
		assertThat(verified.json().get("returnableLines").size()).isPositive();
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.problemWithoutCorrelation().toString().replace("WEB-100001", "{id}"))
			.isEqualTo(unknown.problemWithoutCorrelation().toString().replace("WEB-999996", "{id}"));
		assertThat(this.http.get("/api/store/v1/orders/WEB-100001", this.nyc).status()).isEqualTo(400);
	}

	@Test
	void takesAnInStoreReturnAtTheStaffMembersOwnStore() {
		// given: a delivered online order no other test took
		DemoOrder order = DemoOrders.freshReturnable();
		String lastName = customer(order.customerNumber()).get("lastName").asString();
		String line = order.lines().get(0).itemNumber();

		// when
		Answer taken = this.http.post("/api/store/v1/returns", this.nyc,
				"{\"orderId\":\"" + order.orderNumber() + "\",\"lastName\":\"" + lastName + "\",\"lines\":[{\"lineNumber\":\""
						+ line + "\",\"quantity\":1,\"reason\":\"UNWANTED\",\"condition\":\"NEW\",\"disposition\":\"RESTOCK\"}]}",
				Map.of("Idempotency-Key", "counter-" + UUID.randomUUID()));

		// then
		assertThat(taken.status()).isEqualTo(201);
		JsonNode started = taken.json();
		assertThat(started.get("channel").asString()).isEqualTo("STORE");
		assertThat(started.get("storeId").asString()).isEqualTo("STORE-NYC");
		assertThat(started.get("requestedBy").asString()).isEqualTo("store:store.nyc@STORE-NYC");
		String returnId = started.get("id").asString();
		assertThat(this.http.get("/api/store/v1/returns/" + returnId, this.nyc).status()).isEqualTo(200);
		// another store's staff do not see it
		String berlin = ExperienceWorld.tokens().userToken("store.ber");
		assertThat(this.http.get("/api/store/v1/returns/" + returnId, berlin).status()).isEqualTo(404);
	}

	@Test
	void offersTheUnitLeftOfALineReturnedInPartBeforeAndKeepsTheCounterInspection() {
		// given: STR-100003, whose line 10 had two units, one returned and refunded before (an ERP return)
		String berlin = ExperienceWorld.tokens().userToken("store.ber");
		String lastName = customer("17100002").get("lastName").asString();

		// when
		Answer lookup = this.http.get("/api/store/v1/orders/STR-100003?lastName=" + lastName, berlin);

		// then the unit left is returnable, with its refund estimate
		assertThat(lookup.status()).isEqualTo(200);
		JsonNode line10 = lookup.json().get("returnableLines").valueStream()
			.filter(line -> "10".equals(line.get("lineNumber").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(line10.get("eligible").asBoolean()).as(line10.toString()).isTrue();
		assertThat(line10.get("returnable").asInt()).isEqualTo(1);
		assertThat(line10.get("refundEstimate").get("currency").asString()).isEqualTo("EUR");

		// and taken at the counter, the return reads back with the staff's inspection of the line
		Answer taken = this.http.post("/api/store/v1/returns", berlin,
				"{\"orderId\":\"STR-100003\",\"lastName\":\"" + lastName + "\",\"lines\":[{\"lineNumber\":\"10\","
						+ "\"quantity\":1,\"reason\":\"UNWANTED\",\"condition\":\"OPENED\",\"disposition\":\"RESTOCK\"}]}",
				Map.of("Idempotency-Key", "counter-" + UUID.randomUUID()));
		assertThat(taken.status()).as(taken.text()).isEqualTo(201);
		JsonNode read = this.http.get("/api/store/v1/returns/" + taken.json().get("id").asString(), berlin).json();
		assertThat(read.get("lines").get(0).get("condition").asString()).isEqualTo("OPENED");
		assertThat(read.get("lines").get(0).get("recordedDisposition").asString()).isEqualTo("RESTOCK");
	}

	@Test
	void refusesAStoreReturnWithoutVerificationOrWithAnUnknownConditionAndTakesNothing() {
		Answer unverified = this.http.post("/api/store/v1/returns", this.nyc,
				"{\"orderId\":\"WEB-100001\",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"UNWANTED\",\"condition\":\"NEW\",\"disposition\":\"RESTOCK\"}]}",
				Map.of("Idempotency-Key", "counter-" + UUID.randomUUID()));
		Answer badCondition = this.http.post("/api/store/v1/returns", this.nyc,
				"{\"orderId\":\"WEB-100001\",\"lastName\":\"x\",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"UNWANTED\",\"condition\":\"SHINY\",\"disposition\":\"RESTOCK\"}]}",
				Map.of("Idempotency-Key", "counter-" + UUID.randomUUID()));
		Answer storeInBody = this.http.post("/api/store/v1/returns", this.nyc,
				"{\"orderId\":\"WEB-100001\",\"storeId\":\"STORE-BER\",\"lastName\":\"x\",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"UNWANTED\",\"condition\":\"NEW\",\"disposition\":\"RESTOCK\"}]}",
				Map.of("Idempotency-Key", "counter-" + UUID.randomUUID()));

		assertThat(unverified.status()).isEqualTo(400);
		assertThat(badCondition.status()).isEqualTo(400);
		assertThat(badCondition.json().get("errors").toString()).contains("lines[0].condition");
		assertThat(storeInBody.status()).isEqualTo(400);
		assertThat(storeInBody.json().get("errors").toString()).contains("storeId");
	}

	private static JsonNode customer(String customerId) {
		return HubSandbox.withServiceToken().baseUrl(ExperienceWorld.systemApiUrl()).build()
			.get()
			.uri("/api/system/v1/customers/{id}", customerId)
			.retrieve()
			.body(JsonNode.class);
	}
}
