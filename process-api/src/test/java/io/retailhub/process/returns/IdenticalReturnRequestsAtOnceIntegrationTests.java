package io.retailhub.process.returns;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HeldRequests;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static io.retailhub.process.e2e.ProcessApi.line;
import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two identical return requests (same key, same body) at the same moment, both past the look-up
 * of the key before either stored anything: the unique key decides, and the loser answers like a
 * repeat of the winner.
 */
@ReturnsIntegrationTest
class IdenticalReturnRequestsAtOnceIntegrationTests {

	@Autowired
	ProcessApi api;

	@Autowired
	ReturnCaseRepository returns;

	@Test
	void twoIdenticalRequestsAtTheSameMomentCreateOneReturnAndAnswerAlike() throws Exception {
		// given an order whose look-up ERP holds, so that a request stops there, after it looked for its key
		DemoOrder order = DemoOrders.freshReturnable();
		HeldRequests.Hold lookUps = HubSandbox.held()
			.holdRequests(Backend.ERP, "GET",
					target -> target.contains(order.orderNumber()) || target.contains(order.salesOrder()));
		String key = newKey();
		Map<String, Object> lineRequest = line(order.lines().get(0).itemNumber(), 1, "UNWANTED");

		// when two identical requests are sent together, and let go only once both are at ERP
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<ResponseEntity<JsonNode>>> answers = List.of(1, 2)
				.stream()
				.map(i -> CompletableFuture.supplyAsync(() -> {
					await(go);
					return api.requestReturn(key, order.orderNumber(), "PORTAL", lineRequest);
				}, clients))
				.toList();
			go.countDown();
			lookUps.awaitHeld(2);
			lookUps.release();
			ResponseEntity<JsonNode> first = answers.get(0).get(60, TimeUnit.SECONDS);
			ResponseEntity<JsonNode> second = answers.get(1).get(60, TimeUnit.SECONDS);

			// then one return was created, one request answered 201 and the other 200, both with that return
			assertThat(List.of(first.getStatusCode().value(), second.getStatusCode().value()))
				.as("%s / %s", first.getBody(), second.getBody())
				.containsExactlyInAnyOrder(201, 200);
			assertThat(first.getBody().path("id").asString()).isNotBlank()
				.isEqualTo(second.getBody().path("id").asString());
			assertThat(first.getBody().path("returnNumber").asString())
				.isEqualTo(second.getBody().path("returnNumber").asString());
			assertThat(returns.findByOrderIdOrderByRequestedAtDesc(order.orderNumber())).hasSize(1);
		}
		finally {
			clients.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
