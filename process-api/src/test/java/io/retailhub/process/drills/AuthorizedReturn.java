package io.retailhub.process.drills;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import tools.jackson.databind.JsonNode;

import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A return of some units of one line of an order no other test touches, as the drills start
 * from: requested over HTTP, authorized by ERP (RMA) and, once {@link #awaitCase awaited}, with its
 * CRM case open.
 */
record AuthorizedReturn(String id, String rmaNumber, DemoOrder order, DemoOrderLine line, int quantity) {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	/** The statuses a drill's return must never pass through unless the drill waits for them. */
	private static final Set<String> DEAD_ENDS = Set.of("DECLINED", "REQUIRES_ACTION", "EXPIRED", "CANCELED");

	/** Requests {@code quantity} units of the first line that has them; answers the return's ID. */
	static String request(ProcessApi api, DemoOrder order, int quantity) {
		JsonNode created = api.requestReturn(newKey(), order.orderNumber(), "PORTAL",
				ProcessApi.line(lineOf(order, quantity).itemNumber(), quantity, "UNWANTED"))
			.getBody();
		assertThat(created.path("id").asString()).as("%s", created).isNotEmpty();
		return created.path("id").asString();
	}

	/** Requests the return and waits until ERP authorized it and its CRM case is open. */
	static AuthorizedReturn of(ProcessApi api, DemoOrder order, int quantity) {
		return awaitCase(api, request(api, order, quantity), order, quantity);
	}

	/** Waits until the requested return is authorized and its CRM case is open. */
	static AuthorizedReturn awaitCase(ProcessApi api, String id, DemoOrder order, int quantity) {
		JsonNode authorized = awaitStatus(api, id, "AUTHORIZED", r -> r.hasNonNull("caseId"));
		return new AuthorizedReturn(id, authorized.path("rmaNumber").asString(), order, lineOf(order, quantity),
				quantity);
	}

	static JsonNode awaitStatus(ProcessApi api, String id, String status) {
		return awaitStatus(api, id, status, r -> true);
	}

	static JsonNode awaitStatus(ProcessApi api, String id, String status, Predicate<JsonNode> and) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> api.returnOf(id), r -> {
			String current = r.path("status").asString();
			if (!current.equals(status)) {
				assertThat(current).as("return %s went astray: %s", id, r).isNotIn(DEAD_ENDS);
			}
			return current.equals(status) && and.test(r);
		});
	}

	/** The warehouse's count when every returned unit arrived, in good order. */
	List<WarehouseReceipts.Line> allReceived() {
		return List.of(WarehouseReceipts.Line.allGood(line.itemNumber(), line.sku(), quantity));
	}

	private static DemoOrderLine lineOf(DemoOrder order, int quantity) {
		return order.lines()
			.stream()
			.filter(l -> l.quantity() >= quantity)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(order.orderNumber() + " has no line of " + quantity + " units"));
	}
}
