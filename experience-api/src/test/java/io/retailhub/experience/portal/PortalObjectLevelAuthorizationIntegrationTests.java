package io.retailhub.experience.portal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer reaches only their own orders, returns and refunds: anyone else's answers exactly as
 * an unknown one does, whatever ID is in the URL or the body.
 */
@ExperienceApiIntegrationTest
class PortalObjectLevelAuthorizationIntegrationTests {

	/** Customer 17100001's orders; STR-100003 is 17100002's, with a refund. */
	static final String ORDER_OF_A = "WEB-100001";

	static final String ORDER_OF_B = "STR-100003";

	@Value("${local.server.port}")
	int port;

	ExperienceHttp http;

	String customerA;

	String customerB;

	@BeforeEach
	void setUp() {
		this.http = new ExperienceHttp(this.port);
		this.customerA = ExperienceWorld.tokens().userToken("customer.17100001");
		this.customerB = ExperienceWorld.tokens().userToken("customer.17100002");
	}

	@Test
	void answersAnotherCustomersOrderExactlyLikeAnUnknownOne() {
		for (String path : new String[] { "", "/returnable-lines", "/refunds" }) {
			Answer others = this.http.get("/api/portal/v1/orders/" + ORDER_OF_A + path, this.customerB);
			Answer unknown = this.http.get("/api/portal/v1/orders/WEB-999998" + path, this.customerB);

			assertThat(others.status()).as(path).isEqualTo(404);
			assertSameAnswer(others, ORDER_OF_A, unknown, "WEB-999998");
		}
		assertThat(this.http.get("/api/portal/v1/orders/" + ORDER_OF_A, this.customerA).status()).isEqualTo(200);
		assertThat(this.http.get("/api/portal/v1/orders", this.customerB).json().toString()).doesNotContain(ORDER_OF_A);
	}

	@Test
	void answersAnotherCustomersRefundExactlyLikeAnUnknownOne() {
		String refundOfB = HubSandbox.withServiceToken().baseUrl(ExperienceWorld.systemApiUrl()).build()
			.get()
			.uri("/api/system/v1/refunds?orderId=" + ORDER_OF_B)
			.retrieve()
			.body(JsonNode.class)
			.get(0)
			.get("id")
			.asString();

		Answer others = this.http.get("/api/portal/v1/refunds/" + refundOfB, this.customerA);
		Answer unknown = this.http.get("/api/portal/v1/refunds/re_unknown1", this.customerA);

		assertThat(others.status()).isEqualTo(404);
		assertSameAnswer(others, refundOfB, unknown, "re_unknown1");
		assertThat(this.http.get("/api/portal/v1/refunds/" + refundOfB, this.customerB).status()).isEqualTo(200);
	}

	@Test
	void startsAReturnForTheTokensCustomerAndHidesItFromAnyoneElse() {
		// when: A returns one unit of line 20 of their order
		Answer started = this.http.post("/api/portal/v1/returns", this.customerA,
				"{\"orderId\":\"" + ORDER_OF_A + "\",\"lines\":[{\"lineNumber\":\"20\",\"quantity\":1,\"reason\":\"SIZE_TOO_SMALL\"}]}",
				Map.of("Idempotency-Key", "portal-test-" + UUID.randomUUID()));

		// then
		assertThat(started.status()).isEqualTo(201);
		String returnId = started.json().get("id").asString();
		assertThat(started.header("Location")).isEqualTo("/api/portal/v1/returns/" + returnId);
		assertThat(started.json().get("status").asString()).isIn("REQUESTED", "APPROVED");
		assertThat(this.http.get("/api/portal/v1/returns", this.customerA).json().toString()).contains(returnId);

		// B cannot see it, cancel it, or start one on A's order
		Answer others = this.http.get("/api/portal/v1/returns/" + returnId, this.customerB);
		String unknownId = UUID.randomUUID().toString();
		Answer unknown = this.http.get("/api/portal/v1/returns/" + unknownId, this.customerB);
		assertThat(others.status()).isEqualTo(404);
		assertSameAnswer(others, returnId, unknown, unknownId);
		Answer cancelByB = this.http.post("/api/portal/v1/returns/" + returnId + "/cancellation", this.customerB, null);
		assertThat(cancelByB.status()).isEqualTo(404);
		Answer startByB = this.http.post("/api/portal/v1/returns", this.customerB,
				"{\"orderId\":\"" + ORDER_OF_A + "\",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"OTHER\"}]}",
				Map.of("Idempotency-Key", "portal-test-" + UUID.randomUUID()));
		assertThat(startByB.status()).isEqualTo(404);
		assertThat(this.http.get("/api/portal/v1/returns", this.customerB).json().toString()).doesNotContain(returnId);

		// A cancels it before it ships
		Answer canceled = this.http.post("/api/portal/v1/returns/" + returnId + "/cancellation", this.customerA, null);
		assertThat(canceled.status()).isEqualTo(200);
		assertThat(canceled.json().get("status").asString()).isEqualTo("CANCELED");
	}

	@Test
	void takesTheParcelOfAnApprovedReturnWhichIsThenOnItsWayAndNoLongerCancelable() {
		// given an approved return of a line of one of A's orders that no other test returns
		JsonNode line = returnableLineOfAnotherOrderOfA();
		String orderId = line.get("orderId").asString();
		Answer started = this.http.post("/api/portal/v1/returns", this.customerA,
				"{\"orderId\":\"" + orderId + "\",\"lines\":[{\"lineNumber\":\"" + line.get("lineNumber").asString()
						+ "\",\"quantity\":1,\"reason\":\"UNWANTED\"}]}",
				Map.of("Idempotency-Key", "parcel-test-" + UUID.randomUUID()));
		assertThat(started.status()).as(started.text()).isEqualTo(201);
		String returnId = started.json().get("id").asString();
		String path = "/api/portal/v1/returns/" + returnId;
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.http.get(path, this.customerA).json().get("status").asString(), "APPROVED"::equals);

		// bad input, another member, and another customer change nothing
		assertThat(this.http.post(path + "/parcel", this.customerA, "{\"carrier\":\"USPS\",\"trackingCode\":\"x!\"}")
			.status()).isEqualTo(400);
		Answer extra = this.http.post(path + "/parcel", this.customerA,
				"{\"carrier\":\"USPS\",\"trackingCode\":\"9400111899223100000009\",\"status\":\"RECEIVED\"}");
		assertThat(extra.status()).isEqualTo(400);
		assertThat(extra.json().get("errors").toString()).contains("status");
		assertThat(this.http.post(path + "/parcel", this.customerB,
				"{\"carrier\":\"USPS\",\"trackingCode\":\"9400111899223100000009\"}").status()).isEqualTo(404);
		assertThat(this.http.get(path, this.customerA).json().get("status").asString()).isEqualTo("APPROVED");

		// when A hands the parcel to the carrier
		Answer shipped = this.http.post(path + "/parcel", this.customerA,
				"{\"carrier\":\"USPS\",\"trackingCode\":\"9400111899223100000009\"}");

		// then it is on its way, with its tracking, and can no longer be canceled
		assertThat(shipped.status()).as(shipped.text()).isEqualTo(200);
		assertThat(shipped.json().get("status").asString()).isEqualTo("ON_THE_WAY");
		assertThat(shipped.json().get("parcel").get("trackingCode").asString()).isEqualTo("9400111899223100000009");
		assertThat(shipped.json().get("canCancel").asBoolean()).isFalse();
		Answer cancel = this.http.post(path + "/cancellation", this.customerA, null);
		assertThat(cancel.status()).isEqualTo(409);
		assertThat(this.http.get(path, this.customerA).json().get("status").asString()).isEqualTo("ON_THE_WAY");
	}

	/** An eligible line of an order of A other than {@value #ORDER_OF_A}, with its order's ID in {@code orderId}. */
	private JsonNode returnableLineOfAnotherOrderOfA() {
		JsonNode orders = this.http.get("/api/portal/v1/orders", this.customerA).json().get("orders").get("data");
		for (JsonNode order : orders) {
			String id = order.get("id").asString();
			if (id.equals(ORDER_OF_A)) {
				continue;
			}
			Answer lines = this.http.get("/api/portal/v1/orders/" + id + "/returnable-lines", this.customerA);
			for (JsonNode candidate : lines.json()) {
				if (candidate.get("eligible").asBoolean() && candidate.get("returnable").asInt() >= 1) {
					((tools.jackson.databind.node.ObjectNode) candidate).put("orderId", id);
					return candidate;
				}
			}
		}
		throw new AssertionError("customer 17100001 has no other order with a returnable line");
	}

	@Test
	void refusesABodyThatSetsCustomerChannelAmountsOrStatusAndStartsNothing() {
		int before = this.http.get("/api/portal/v1/returns", this.customerB).json().size();
		String[] extras = { "\"customerId\":\"17100001\"", "\"channel\":\"AGENT\"",
				"\"refundAmount\":{\"amount\":999,\"currency\":\"EUR\"}", "\"status\":\"CLOSED\"" };
		for (String extra : extras) {
			Answer answer = this.http.post("/api/portal/v1/returns", this.customerB,
					"{\"orderId\":\"" + ORDER_OF_B + "\"," + extra
							+ ",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"OTHER\"}]}",
					Map.of("Idempotency-Key", "mass-" + UUID.randomUUID()));

			assertThat(answer.status()).as(extra).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			String member = extra.substring(1, extra.indexOf('"', 1));
			assertThat(answer.json().get("errors").toString()).as(extra).contains(member);
		}
		assertThat(this.http.get("/api/portal/v1/returns", this.customerB).json().size()).isEqualTo(before);
	}

	@Test
	void refusesBadInputWithAProblemNamingTheFieldAndStartsNothing() {
		int before = this.http.get("/api/portal/v1/returns", this.customerB).json().size();

		Answer zero = this.http.post("/api/portal/v1/returns", this.customerB,
				"{\"orderId\":\"" + ORDER_OF_B + "\",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":0,\"reason\":\"OTHER\"}]}",
				Map.of("Idempotency-Key", "bad-" + UUID.randomUUID()));
		Answer noKey = this.http.post("/api/portal/v1/returns", this.customerB,
				"{\"orderId\":\"" + ORDER_OF_B + "\",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"OTHER\"}]}");

		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().get("errors").toString()).contains("lines[0].quantity");
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.json().get("errors").toString()).contains("Idempotency-Key");
		assertThat(this.http.get("/api/portal/v1/returns/not-a-uuid", this.customerB).status()).isEqualTo(400);
		assertThat(this.http.get("/api/portal/v1/returns", this.customerB).json().size()).isEqualTo(before);
	}

	/** Same status and body, but for the ID asked for and the correlation ID. */
	static void assertSameAnswer(Answer first, String firstId, Answer second, String secondId) {
		assertThat(first.status()).isEqualTo(second.status());
		assertThat(first.header("Content-Type")).isEqualTo(second.header("Content-Type"));
		assertThat(first.problemWithoutCorrelation().toString().replace(firstId, "{id}"))
			.isEqualTo(second.problemWithoutCorrelation().toString().replace(secondId, "{id}"));
	}
}
