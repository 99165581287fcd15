package io.retailhub.system.orders;

import static io.retailhub.system.support.SystemApiHttp.get;
import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoProduct;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /api/system/v1/order-changes}: orders ERP changed since an instant, oldest change
 * first, walked page by page by (lastChangedAt, order ID). Orders are placed in the sandbox ERP
 * during the test, so they are the only ones changed after its start (the seeded ones are days old).
 */
@SystemApiIntegrationTest
class OrderChangeApiIntegrationTests {

	static final String CHANGES = "/api/system/v1/order-changes";

	private static final Map<String, Instant> PLACED_AT = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	RestClient http;

	@BeforeEach
	void client() {
		http = SystemApiHttp.client(port, "");
	}

	@Test
	void answersOrdersChangedSinceAnInstantOldestFirstWithLinesAndTheirChangeTime() {
		Instant start = Instant.now().minusMillis(1);
		List<String> placed = List.of(place("WEB-CHG-A1", 2), place("WEB-CHG-A2", 1), place("WEB-CHG-A3", 3));

		JsonNode changes = jsonOf(get(http, CHANGES + "?changedSince={since}", start));

		assertThat(orderIds(changes)).containsSubsequence(placed);
		assertThat(lastChangedAts(changes)).isSorted();
		JsonNode first = changes.get(orderIds(changes).indexOf("WEB-CHG-A1"));
		assertThat(Instant.parse(first.get("lastChangedAt").asString())).isEqualTo(placedAt("WEB-CHG-A1"));
		assertThat(first.get("order").get("customerId").asString()).isEqualTo(customer().number());
		assertThat(first.get("order").get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(first.get("order").get("lines").get(0).get("unitPrice").get("amount").decimalValue())
			.isEqualByComparingTo(product().price(customer().currency()));
		assertThat(first.get("order").get("shipments")).isEmpty();
	}

	@Test
	void leavesOutOrdersChangedBeforeTheInstant() {
		place("WEB-CHG-B1", 1);
		Instant after = Instant.now().plusMillis(1);

		ResponseEntity<String> changes = get(http, CHANGES + "?changedSince={since}", after);

		assertThat(changes.getStatusCode().value()).isEqualTo(200);
		assertThat(orderIds(jsonOf(changes))).doesNotContain("WEB-CHG-B1");
	}

	@Test
	void walksAnyNumberOfChangesPageByPageWithTheLastEntryAsTheKey() {
		Instant start = Instant.now().minusMillis(1);
		List<String> placed = List.of(place("WEB-CHG-C1", 1), place("WEB-CHG-C2", 1), place("WEB-CHG-C3", 1));

		JsonNode firstPage = jsonOf(get(http, CHANGES + "?changedSince={since}&limit=2", start));
		JsonNode last = firstPage.get(1);
		JsonNode secondPage = jsonOf(get(http, CHANGES + "?changedSince={since}&afterOrderId={after}&limit=2",
				last.get("lastChangedAt").asString(), last.get("order").get("id").asString()));

		assertThat(firstPage).hasSize(2);
		List<String> walked = new ArrayList<>(orderIds(firstPage));
		walked.addAll(orderIds(secondPage));
		assertThat(walked).containsSubsequence(placed).doesNotHaveDuplicates();
	}

	@Test
	void keysOrdersChangedInTheSameInstantByOrderId() {
		place("WEB-CHG-D1", 1);
		Instant at = placedAt("WEB-CHG-D1");

		List<String> fromTheStart = orderIds(jsonOf(get(http, CHANGES + "?changedSince={since}&afterOrderId={after}", at,
				"WEB-CHG-D0")));
		List<String> behindIt = orderIds(jsonOf(get(http, CHANGES + "?changedSince={since}&afterOrderId={after}", at,
				"WEB-CHG-D1")));

		assertThat(fromTheStart).contains("WEB-CHG-D1");
		assertThat(behindIt).doesNotContain("WEB-CHG-D1");
	}

	@Test
	void refusesBadParametersWithProblemJson() {
		assertBadRequest(get(http, CHANGES));
		assertBadRequest(get(http, CHANGES + "?changedSince=yesterday"));
		assertBadRequest(get(http, CHANGES + "?changedSince=2026-03-14T09:00:00Z&limit=0"));
		assertBadRequest(get(http, CHANGES + "?changedSince=2026-03-14T09:00:00Z&limit=501"));
		assertBadRequest(get(http, CHANGES + "?changedSince=2026-03-14T09:00:00Z&afterOrderId="));
	}

	@Test
	void answers503NamingErpWhileErpIsDown() {
		Sandbox.outage(Backend.ERP);

		ResponseEntity<String> changes = get(http, CHANGES + "?changedSince={since}", Instant.now());

		assertThat(changes.getStatusCode().value()).isEqualTo(503);
		assertThat(jsonOf(changes).get("backend").asString()).isEqualTo("erp");
	}

	private static void assertBadRequest(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** Places an order of {@code quantity} units of one product in the sandbox ERP; answers its order ID. */
	private static String place(String orderId, int quantity) {
		ResponseEntity<String> placed = RestClient.create()
			.post()
			.uri(Sandbox.baseUrl() + "/admin/erp/sales-orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderNumber", orderId, "customerNumber", customer().number(), "lines",
					List.of(Map.of("sku", product().sku(), "quantity", quantity))))
			.retrieve()
			.toEntity(String.class);
		PLACED_AT.put(orderId, Instant.parse(jsonOf(placed).get("lastChangeDateTime").asString()));
		return orderId;
	}

	/** When ERP stamped each order placed here ({@code LastChangeDateTime}). */
	private static Instant placedAt(String orderId) {
		return PLACED_AT.get(orderId);
	}

	/** A customer from the end of the demo data: other tests list the showcase customer's orders. */
	private static DemoCustomer customer() {
		List<DemoCustomer> customers = Sandbox.data().customers();
		return customers.get(customers.size() - 1);
	}

	private static DemoProduct product() {
		DemoData data = Sandbox.data();
		return data.products().stream().filter(p -> p.price(customer().currency()) != null).findFirst().orElseThrow();
	}

	private static List<String> orderIds(JsonNode changes) {
		List<String> ids = new ArrayList<>();
		changes.forEach(change -> ids.add(change.get("order").get("id").asString()));
		return ids;
	}

	private static List<Instant> lastChangedAts(JsonNode changes) {
		List<Instant> times = new ArrayList<>();
		changes.forEach(change -> times.add(Instant.parse(change.get("lastChangedAt").asString())));
		return times;
	}
}
