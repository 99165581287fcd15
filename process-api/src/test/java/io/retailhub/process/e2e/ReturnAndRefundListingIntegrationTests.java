package io.retailhub.process.e2e;

import java.time.Duration;
import java.util.List;

import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Returns listed by order and by customer, refunds by return and by order, one bounded page at a time. */
@ReturnsIntegrationTest
class ReturnAndRefundListingIntegrationTests {

	@Autowired
	ProcessApi api;

	@Test
	void listsAnOrdersReturnsNewestFirstOnePageAtATime() {
		// given two returns of one order
		DemoOrder order = DemoOrders.freshReturnable();
		String first = requestReturn(order);
		String second = requestReturn(order);

		// when they are listed one per page
		ResponseEntity<JsonNode> page0 = api.get("/returns?orderId={o}&limit=1", order.orderNumber());
		ResponseEntity<JsonNode> page1 = api.get("/returns?orderId={o}&limit=1&page=1", order.orderNumber());
		ResponseEntity<JsonNode> all = api.get("/returns?orderId={o}", order.orderNumber());

		// then the newest comes first, a full page links to the next, the default page holds both
		assertThat(ids(page0)).containsExactly(second);
		assertThat(page0.getHeaders().getFirst(HttpHeaders.LINK)).contains("page=1").contains("limit=1")
			.endsWith("rel=\"next\"");
		assertThat(ids(page1)).containsExactly(first);
		assertThat(ids(all)).containsExactly(second, first);
		assertThat(all.getHeaders().getFirst(HttpHeaders.LINK)).isNull();
	}

	@Test
	void listsACustomersReturnsWithTheCustomerLearnedFromTheOrder() {
		DemoOrder order = DemoOrders.freshReturnable();
		String id = requestReturn(order);

		ResponseEntity<JsonNode> mine = api.get("/returns?customerId={c}&limit=100", order.customerNumber());

		assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ids(mine)).contains(id);
		assertThat(mine.getBody().findValuesAsString("customerId")).containsOnly(order.customerNumber());
	}

	@Test
	void listsTheRefundOfAReturnAndTheRefundsOfAnOrder() {
		// given a return refunded to its end
		DemoOrder order = DemoOrders.freshReturnable();
		String id = requestReturn(order);
		String rma = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("AUTHORIZED"))
			.path("rmaNumber")
			.asString();
		HubSandbox.receiveParcel(rma);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.returnOf(id), r -> r.path("status").asString().equals("CLOSED"));

		// when its refunds are listed by return and by order
		ResponseEntity<JsonNode> byReturn = api.get("/refunds?returnId={id}", id);
		ResponseEntity<JsonNode> byOrder = api.get("/refunds?orderId={o}", order.orderNumber());
		ResponseEntity<JsonNode> none = api.get("/refunds?returnId={id}", "00000000-0000-0000-0000-000000000000");

		// then each holds the one refund, completed
		assertThat(byReturn.getBody()).hasSize(1);
		assertThat(byReturn.getBody().get(0).path("returnId").asString()).isEqualTo(id);
		assertThat(byReturn.getBody().get(0).path("status").asString()).isEqualTo("COMPLETED");
		assertThat(byOrder.getBody().findValuesAsString("id"))
			.containsExactly(byReturn.getBody().get(0).path("id").asString());
		assertThat(none.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(none.getBody()).isEmpty();
	}

	@Test
	void refusesAPageOutsideItsBoundsOrBothOrNeitherFilter() {
		assertInvalid(api.get("/returns?orderId=WEB-100001&limit=0"), "limit");
		assertInvalid(api.get("/returns?orderId=WEB-100001&limit=101"), "limit");
		assertInvalid(api.get("/returns?orderId=WEB-100001&page=-1"), "page");
		assertInvalid(api.get("/refunds?orderId=WEB-100001&limit=1000"), "limit");
		assertInvalid(api.get("/refunds?orderId={o}", "WEB/1"), "orderId");
		for (ResponseEntity<JsonNode> answer : List.of(api.get("/refunds"),
				api.get("/refunds?orderId=WEB-100001&returnId=00000000-0000-0000-0000-000000000000"),
				api.get("/returns"))) {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody().path("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
		}
	}

	/** One unit of the order's line of two or more units. */
	private String requestReturn(DemoOrder order) {
		String lineNumber = order.lines().stream().filter(l -> l.quantity() >= 2).findFirst().orElseThrow().itemNumber();
		return api.requestReturn(newKey(), order.orderNumber(), "PORTAL", line(lineNumber, 1, "UNWANTED"))
			.getBody()
			.path("id")
			.asString();
	}

	private static List<String> ids(ResponseEntity<JsonNode> answer) {
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
		return answer.getBody().findValuesAsString("id");
	}

	private static void assertInvalid(ResponseEntity<JsonNode> answer, String field) {
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().path("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
		assertThat(answer.getBody().path("errors").findValuesAsString("field")).as("%s", answer.getBody())
			.contains(field);
	}
}
