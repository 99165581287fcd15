package io.retailhub.process.returns;

import java.time.Duration;

import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoData.Showcase;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every reason a return is declined, on the seeded showcase orders, and over-returning across two returns. */
@ReturnsIntegrationTest
class ReturnDeclineIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	ProcessApi api;

	@Test
	void declinesAnOrderDeliveredOutsideTheReturnWindow() {
		DemoOrderLine line = DemoOrders.showcase(Showcase.OLD_ORDER).lines().get(0);

		JsonNode declined = requestAndAwaitJudgement(Showcase.OLD_ORDER, line.itemNumber(), 1);

		assertDeclinedFor(declined, line.itemNumber(), ReturnDeclineReason.RETURN_PERIOD_ENDED);
	}

	@Test
	void declinesAFinalSaleItem() {
		DemoOrderLine finalSale = DemoOrders.showcase(Showcase.FINAL_SALE_ORDER)
			.lines()
			.stream()
			.filter(DemoOrderLine::finalSale)
			.findFirst()
			.orElseThrow();

		JsonNode declined = requestAndAwaitJudgement(Showcase.FINAL_SALE_ORDER, finalSale.itemNumber(), 1);

		assertThat(finalSale.itemNumber()).isEqualTo("20");
		assertDeclinedFor(declined, "20", ReturnDeclineReason.FINAL_SALE);
	}

	@Test
	void declinesAnOrderNotDeliveredYet() {
		DemoOrderLine line = DemoOrders.showcase(Showcase.OPEN_ORDER).lines().get(0);

		JsonNode declined = requestAndAwaitJudgement(Showcase.OPEN_ORDER, line.itemNumber(), 1);

		assertDeclinedFor(declined, line.itemNumber(), ReturnDeclineReason.NOT_DELIVERED);
	}

	@Test
	void declinesUnitsAlreadyReturned() {
		// given one unit of line 10 was returned and refunded before the hub existed
		DemoOrder order = DemoOrders.showcase(Showcase.PARTLY_RETURNED_ORDER);
		DemoOrderLine line10 = order.lines().stream().filter(l -> l.itemNumber().equals("10")).findFirst().orElseThrow();

		// when asking to return every unit of it
		JsonNode declined = requestAndAwaitJudgement(Showcase.PARTLY_RETURNED_ORDER, "10", line10.quantity());

		// then
		assertDeclinedFor(declined, "10", ReturnDeclineReason.QUANTITY_EXCEEDED);
	}

	@Test
	void declinesASecondReturnOfUnitsAnOpenReturnAlreadyClaims() {
		// given a first return of every unit of a line, judged eligible
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().stream().filter(l -> l.quantity() >= 2).findFirst().orElseThrow();
		JsonNode first = requestAndAwaitJudgement(order.orderNumber(), line.itemNumber(), line.quantity());
		assertThat(first.path("declines")).isEmpty();

		// when a second return asks for one more unit of it
		JsonNode second = requestAndAwaitJudgement(order.orderNumber(), line.itemNumber(), 1);

		// then
		assertDeclinedFor(second, line.itemNumber(), ReturnDeclineReason.QUANTITY_EXCEEDED);
	}

	@Test
	void acceptsTwoReturnsThatTogetherStayWithinWhatWasDelivered() {
		// given
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().stream().filter(l -> l.quantity() >= 2).findFirst().orElseThrow();

		// when two returns take one unit and the rest
		JsonNode first = requestAndAwaitJudgement(order.orderNumber(), line.itemNumber(), 1);
		JsonNode second = requestAndAwaitJudgement(order.orderNumber(), line.itemNumber(), line.quantity() - 1);

		// then
		assertThat(first.path("status").asString()).isNotEqualTo("DECLINED");
		assertThat(second.path("status").asString()).isNotEqualTo("DECLINED");
	}

	/** Requests a return and waits until it is judged: declined, or on its way to authorization. */
	private JsonNode requestAndAwaitJudgement(String orderId, String lineNumber, int quantity) {
		ResponseEntity<JsonNode> created = api.requestReturn(newKey(), orderId, "PORTAL",
				line(lineNumber, quantity, "UNWANTED"));
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		String id = created.getBody().path("id").asString();
		return await().atMost(PATIENCE).until(() -> api.returnOf(id), r -> {
			String status = r.path("status").asString();
			return status.equals("DECLINED") || r.path("lines").get(0).path("eligible").asBoolean(false);
		});
	}

	private static void assertDeclinedFor(JsonNode ret, String lineNumber, ReturnDeclineReason reason) {
		assertThat(ret.path("status").asString()).as("%s", ret).isEqualTo("DECLINED");
		assertThat(ret.path("declines")).singleElement().satisfies(d -> {
			assertThat(d.path("lineNumber").asString()).isEqualTo(lineNumber);
			assertThat(d.path("reason").asString()).isEqualTo(reason.name());
			assertThat(d.path("message").asString()).startsWith(reason.customerMessage());
		});
	}
}
