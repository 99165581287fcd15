package io.retailhub.sandbox.backends.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.retailhub.sandbox.backends.SandboxBackendsApplication;
import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.warehouse.WebhookReceiver.Received;
import io.retailhub.sandbox.backends.webhooks.WebhookDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The WMS pushing signed {@code return_receipt.created} webhooks, over real HTTP to a test
 * subscriber: signature, body, per-RMA sequence and running totals, asynchronous at-least-once
 * delivery with retries, the delivery log, chaos, and parcels received from what ERP announced
 * (on demand and automatically). Retries are fast here and give up after three seconds.
 */
@SpringBootTest(classes = SandboxBackendsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxBackendsApplication.CONFIG_NAME, "spring.main.banner-mode=off",
				"sandbox.warehouse.webhooks.retry.initial-backoff=100ms",
				"sandbox.warehouse.webhooks.retry.max-backoff=400ms", "sandbox.warehouse.webhooks.retry.max-age=3s",
				"sandbox.warehouse.webhooks.timeout=5s", "sandbox.warehouse.auto-receive-poll-interval=100ms" })
class WarehouseWebhooksIntegrationTests {

	private static final String SECRET = "whsec_test_subscriber";

	private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

	@LocalServerPort
	int port;

	@Autowired
	DemoData data;

	@Autowired
	SandboxCredentials credentials;

	final JsonMapper json = JsonMapper.shared();

	RestClient sandbox;

	WebhookReceiver receiver;

	ErpCustomerReturns erp;

	@BeforeEach
	void subscribe() {
		sandbox = WarehouseTestApi.client(port, credentials);
		erp = new ErpCustomerReturns(port, credentials, data);
		receiver = WebhookReceiver.start();
		subscribeTo(receiver.url());
		sandbox.delete().uri("/admin/warehouse/webhooks/chaos").retrieve().toBodilessEntity();
	}

	@AfterEach
	void stop() {
		WarehouseTestApi.autoReceiveAfter(sandbox, "0s");
		receiver.close();
	}

	@Test
	void pushesASignedReturnReceiptCreatedEventForAReceipt() {
		// given
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		DemoOrderLine line = order.lines().get(0);
		String rma = rma();

		// when
		JsonNode receipt = receipt(rma, order, line, 1, 1, 0);

		// then one delivery, signed over the exact bytes with the subscriber's secret
		Received delivery = awaitDeliveries(rma, 1).get(0);
		assertThat(delivery.contentType()).isEqualTo("application/json");
		assertSignedWith(SECRET, delivery);
		JsonNode event = delivery.json();
		assertThat(event.path("id").asString()).matches("evt_[0-9a-f]{32}");
		assertThat(event.path("type").asString()).isEqualTo("return_receipt.created");
		assertThat(Instant.parse(event.path("created_at").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(event.path("created_at").asString()).endsWith("Z");
		assertThat(event.path("data")).isEqualTo(json.readTree("""
				{"receipt_id":"%s","rma_number":"%s","order_number":"%s","warehouse_id":"%s","received_at":"%s",
				 "sequence":1,"lines":[{"line_number":"10","sku":"%s","quantity_expected":1,"quantity_received":1,
				 "quantity_damaged":0,"quantity_rejected":0}]}""".formatted(receipt.path("receipt_id").asString(), rma,
				order.orderNumber(), receipt.path("warehouse_id").asString(), receipt.path("received_at").asString(),
				line.sku())));
		assertThat(receipt.path("sequence").asLong()).isEqualTo(1);
	}

	@Test
	void numbersTheReceiptsOfAnRmaAndSendsItsRunningTotals() {
		// given a first parcel with one of two units, damaged
		DemoOrder order = erp.untouchedDeliveredOrder(2);
		DemoOrderLine line = order.lines().get(0);
		String rma = rma();
		receipt(rma, order, line, 2, 1, 1);

		// when the second unit arrives
		JsonNode second = receipt(rma, order, line, 2, 1, 0);

		// then the second event is number 2 and counts both parcels
		List<Received> deliveries = awaitDeliveries(rma, 2);
		assertThat(second.path("sequence").asLong()).isEqualTo(2);
		assertThat(deliveries.get(1).json().path("data").path("sequence").asLong()).isEqualTo(2);
		assertThat(deliveries.get(1).json().path("data").path("lines").get(0)).isEqualTo(json.readTree("""
				{"line_number":"10","sku":"%s","quantity_expected":2,"quantity_received":2,"quantity_damaged":1,
				 "quantity_rejected":0}""".formatted(line.sku())));
		assertThat(deliveries.get(0).json().path("data").path("lines").get(0).path("quantity_received").asInt())
			.isEqualTo(1);
	}

	@Test
	void refusesAReceiptNamingAnRmaOfAnotherOrder() {
		DemoOrder first = erp.untouchedDeliveredOrder(1);
		DemoOrder other = erp.untouchedDeliveredOrder(1);
		String rma = rma();
		receipt(rma, first, first.lines().get(0), 1, 1, 0);

		ResponseEntity<String> refused = postReceipt(rma, other, other.lines().get(0), 1, 1, 0);

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(json.readTree(refused.getBody()).path("error").path("errors").get(0).path("code").asString())
			.isEqualTo("rma_order_mismatch");
	}

	@Test
	void answersTheReceiptWithoutWaitingForTheSubscriber() {
		// given a subscriber that holds its answer
		receiver.closed();
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = rma();

		// when a receipt is created, it is answered while the delivery still waits
		receipt(rma, order, order.lines().get(0), 1, 1, 0);
		awaitDeliveries(rma, 1);
		assertThat(deliveryOf(rma).path("state").asString()).isEqualTo("PENDING");

		// then, once the subscriber answers, the delivery is done
		receiver.open();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(deliveryOf(rma).path("state").asString()).isEqualTo("DELIVERED"));
	}

	@Test
	void retriesWithBackoffUntilTheSubscriberAnswers2xx() {
		// given a subscriber failing twice
		receiver.answering(503, 500);
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = rma();

		// when
		receipt(rma, order, order.lines().get(0), 1, 1, 0);

		// then the same event came three times, each after a longer pause, each signed anew
		List<Received> deliveries = awaitDeliveries(rma, 3);
		assertThat(deliveries).extracting(Received::answered).containsExactly(503, 500, 200);
		assertThat(deliveries).extracting(Received::text).containsOnly(deliveries.get(0).text());
		assertThat(Duration.between(deliveries.get(0).at(), deliveries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(Duration.between(deliveries.get(1).at(), deliveries.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		deliveries.forEach(d -> assertSignedWith(SECRET, d));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode logged = deliveryOf(rma);
			assertThat(logged.path("state").asString()).isEqualTo("DELIVERED");
			assertThat(logged.path("attempts").asInt()).isEqualTo(3);
			assertThat(logged.path("lastStatus").asInt()).isEqualTo(200);
		});
	}

	@Test
	void keepsRetryingARefusedConnectionAndFollowsTheSubscriptionWhenItMoves() throws Exception {
		// given a subscription to a port nobody listens on
		subscribeTo("http://localhost:" + freePort() + "/hooks");
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = rma();
		List<String> earlierEvents = eventIds();
		receipt(rma, order, order.lines().get(0), 1, 1, 0);
		String id = eventIds().stream().filter(e -> !earlierEvents.contains(e)).findFirst().orElseThrow();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode logged = logEntry(id);
			assertThat(logged.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
			assertThat(logged.path("lastError").asString()).contains("ConnectException");
			assertThat(logged.path("state").asString()).isEqualTo("PENDING");
		});

		// when the subscription points at a live subscriber
		subscribeTo(receiver.url());

		// then the waiting event reaches it
		assertThat(awaitDeliveries(rma, 1).get(0).json().path("id").asString()).isEqualTo(id);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(logEntry(id).path("state").asString()).isEqualTo("DELIVERED"));
	}

	@Test
	void givesUpAfterTheMaximumAgeAndCountsTheFailure() {
		// given a subscriber that always fails
		Integer[] failures = new Integer[100];
		Arrays.fill(failures, 503);
		receiver.answering(failures);
		long failedBefore = effect(WebhookDispatcher.FAILED);
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = rma();

		// when
		receipt(rma, order, order.lines().get(0), 1, 1, 0);

		// then after three seconds it is given up
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryOf(rma).path("state").asString()).isEqualTo("FAILED"));
		assertThat(deliveryOf(rma).path("lastStatus").asInt()).isEqualTo(503);
		assertThat(effect(WebhookDispatcher.FAILED)).isEqualTo(failedBefore + 1);
	}

	@Test
	void deliversAnEventTwiceWhenDuplicatesAreAskedFor() {
		// given
		chaos("{\"duplicateProbability\":1.0}");
		long duplicatedBefore = effect(WebhookDispatcher.DUPLICATED);
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = rma();

		// when
		receipt(rma, order, order.lines().get(0), 1, 1, 0);

		// then the very same bytes arrive twice, and the log shows the copy
		List<Received> deliveries = awaitDeliveries(rma, 2);
		assertThat(deliveries.get(1).text()).isEqualTo(deliveries.get(0).text());
		assertThat(effect(WebhookDispatcher.DUPLICATED)).isGreaterThan(duplicatedBefore);
		String id = deliveries.get(0).json().path("id").asString();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveries())
			.filteredOn(d -> d.path("id").asString().equals(id))
			.extracting(d -> d.path("duplicate").asBoolean() + "/" + d.path("state").asString())
			.containsExactly("false/DELIVERED", "true/DELIVERED"));
	}

	@Test
	void holdsAnEventBackAndDeliversItAfterTheNextOne() {
		// given
		chaos("{\"outOfOrderProbability\":1.0}");
		DemoOrder order = erp.untouchedDeliveredOrder(2);
		DemoOrderLine line = order.lines().get(0);
		String rma = rma();

		// when two parcels arrive for one RMA
		receipt(rma, order, line, 2, 1, 0);
		receipt(rma, order, line, 2, 1, 0);

		// then the second one is delivered first, and the sequence tells which is newer
		List<Received> deliveries = awaitDeliveries(rma, 2);
		assertThat(deliveries).extracting(d -> d.json().path("data").path("sequence").asLong()).containsExactly(2L, 1L);
		assertThat(deliveries.get(0).json().path("data").path("lines").get(0).path("quantity_received").asInt())
			.isEqualTo(2);
	}

	@Test
	void receivesAParcelForAnRmaAsErpAnnouncedIt() {
		// given an RMA in ERP for two lines
		DemoOrder order = twoLineDeliveredOrder();
		String rma = erp.create(order, Map.of("10", 1, "20", 1));

		// when the parcel arrives with nothing said about it
		ResponseEntity<String> received = sandbox.post().uri("/admin/warehouse/rmas/{rma}/receive", rma).retrieve()
			.toEntity(String.class);

		// then everything expected is received in good condition, and announced
		assertThat(received.getStatusCode().value()).isEqualTo(201);
		assertThat(received.getHeaders().getLocation().getPath()).startsWith("/warehouse/api/v1/return-receipts/RCPT-");
		JsonNode receipt = json.readTree(received.getBody());
		assertThat(receipt.path("rma_number").asString()).isEqualTo(rma);
		assertThat(receipt.path("order_number").asString()).isEqualTo(order.orderNumber());
		assertThat(receipt.path("lines")).hasSize(2);
		receipt.path("lines").forEach(l -> {
			assertThat(l.path("quantity_expected").asInt()).isEqualTo(1);
			assertThat(l.path("quantity_received").asInt()).isEqualTo(1);
			assertThat(l.path("quantity_restocked").asInt()).isEqualTo(1);
		});
		assertThat(awaitDeliveries(rma, 1).get(0).json().path("data").path("receipt_id").asString())
			.isEqualTo(receipt.path("receipt_id").asString());
	}

	@Test
	void receivesTheCountsGivenAndLaterWhatIsStillOutstanding() {
		// given an RMA for two units of line 10, the first parcel holding one, rejected
		DemoOrder order = erp.untouchedDeliveredOrder(2);
		String rma = erp.create(order, Map.of("10", 2));
		ResponseEntity<String> first = receive(rma, """
				{"lines":[{"lineNumber":"10","received":1,"rejected":1}]}""");
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(json.readTree(first.getBody()).path("lines").get(0).path("quantity_rejected").asInt()).isEqualTo(1);

		// when the rest arrives
		ResponseEntity<String> second = receive(rma, null);

		// then it holds the one unit outstanding, and the RMA's totals say two received
		assertThat(json.readTree(second.getBody()).path("lines").get(0).path("quantity_received").asInt()).isEqualTo(1);
		List<Received> deliveries = awaitDeliveries(rma, 2);
		assertThat(deliveries.get(1).json().path("data").path("lines").get(0)).isEqualTo(json.readTree("""
				{"line_number":"10","sku":"%s","quantity_expected":2,"quantity_received":2,"quantity_damaged":0,
				 "quantity_rejected":1}""".formatted(order.lines().get(0).sku())));

		// and then there is nothing left to receive
		ResponseEntity<String> third = receive(rma, null);
		assertThat(third.getStatusCode().value()).isEqualTo(409);
		assertThat(json.readTree(third.getBody()).path("code").asString()).isEqualTo("already_received");
	}

	@Test
	void refusesToReceiveAnRmaErpDoesNotKnowOrALineItDoesNotHave() {
		ResponseEntity<String> unknown = receive("69999999", null);
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = erp.create(order, Map.of("10", 1));
		ResponseEntity<String> wrongLine = receive(rma, """
				{"lines":[{"lineNumber":"990","received":1}]}""");
		assertThat(wrongLine.getStatusCode().value()).isEqualTo(422);
		assertThat(json.readTree(wrongLine.getBody()).path("code").asString()).isEqualTo("validation_error");

		ResponseEntity<String> negative = receive(rma, """
				{"lines":[{"lineNumber":"10","received":-1}]}""");
		assertThat(negative.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void receivesNewCustomerReturnsAutomaticallyAfterTheDelay() {
		// given a customer return created while auto-receive was off
		DemoOrder before = erp.untouchedDeliveredOrder(1);
		String earlier = erp.create(before, Map.of("10", 1));

		// when auto-receive is switched on and the hub creates another one
		ResponseEntity<String> switched = WarehouseTestApi.autoReceiveAfter(sandbox, "300ms");
		assertThat(json.readTree(switched.getBody())).isEqualTo(json.readTree("{\"after\":\"PT0.3S\",\"enabled\":true}"));
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		Instant created = Instant.now();
		String rma = erp.create(order, Map.of("10", 1));

		// then the new one is received, in full, no sooner than the delay, and announced
		List<Received> deliveries = awaitDeliveries(rma, 1);
		assertThat(Duration.between(created, deliveries.get(0).at())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		assertThat(deliveries.get(0).json().path("data").path("lines").get(0).path("quantity_received").asInt())
			.isEqualTo(1);
		// and the earlier one is left for a person to receive
		assertThat(receipts(earlier)).isEmpty();
	}

	@Test
	void showsTheSubscriptionWithoutItsSecretAndCountsDeliveriesInTheEffects() {
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		String rma = rma();
		long deliveredBefore = effect(WebhookDispatcher.DELIVERED);
		receipt(rma, order, order.lines().get(0), 1, 1, 0);
		awaitDeliveries(rma, 1);

		String subscription = sandbox.get().uri("/admin/warehouse/webhooks").retrieve().body(String.class);

		assertThat(json.readTree(subscription).path("url").asString()).isEqualTo(receiver.url());
		assertThat(subscription).doesNotContain(SECRET);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(effect(WebhookDispatcher.DELIVERED)).isEqualTo(deliveredBefore + 1));
		assertThat(json.readTree(sandbox.get().uri("/admin/effects").retrieve().body(String.class)).path("warehouse")
			.has(WebhookDispatcher.DUPLICATED)).isTrue();
	}

	@Test
	void refusesASubscriptionThatIsNotAnHttpUrl() {
		ResponseEntity<String> refused = sandbox.put().uri("/admin/warehouse/webhooks")
			.contentType(MediaType.APPLICATION_JSON).body("{\"url\":\"ftp://example.org/hooks\"}").retrieve()
			.toEntity(String.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(json.readTree(sandbox.get().uri("/admin/warehouse/webhooks").retrieve().body(String.class))
			.path("url").asString()).isEqualTo(receiver.url());
	}

	private void subscribeTo(String url) {
		ResponseEntity<String> subscribed = sandbox.put().uri("/admin/warehouse/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"url\":\"%s\",\"secret\":\"%s\"}".formatted(url, SECRET))
			.retrieve()
			.toEntity(String.class);
		assertThat(subscribed.getStatusCode().value()).isEqualTo(200);
	}

	private void chaos(String body) {
		assertThat(sandbox.put().uri("/admin/warehouse/webhooks/chaos").contentType(MediaType.APPLICATION_JSON)
			.body(body).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
	}

	private JsonNode receipt(String rma, DemoOrder order, DemoOrderLine line, int expected, int received,
			int damaged) {
		ResponseEntity<String> created = postReceipt(rma, order, line, expected, received, damaged);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		return json.readTree(created.getBody());
	}

	private ResponseEntity<String> postReceipt(String rma, DemoOrder order, DemoOrderLine line, int expected,
			int received, int damaged) {
		return sandbox.post()
			.uri("/warehouse/api/v1/return-receipts")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"rma_number":"%s","order_number":"%s","lines":[{"line_number":"%s","sku":"%s",
					"quantity_expected":%d,"quantity_received":%d,"quantity_damaged":%d}]}"""
				.formatted(rma, order.orderNumber(), line.itemNumber(), line.sku(), expected, received, damaged))
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> receive(String rma, String body) {
		RestClient.RequestBodySpec request = sandbox.post().uri("/admin/warehouse/rmas/{rma}/receive", rma);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toEntity(String.class);
	}

	private JsonNode receipts(String rma) {
		return WarehouseTestApi.receipts(sandbox, rma);
	}

	private List<Received> awaitDeliveries(String rma, int count) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> receiver.about(rma), d -> d.size() >= count);
	}

	private List<JsonNode> deliveries() {
		List<JsonNode> all = new ArrayList<>();
		json.readTree(sandbox.get().uri("/admin/warehouse/webhooks/deliveries").retrieve().body(String.class))
			.forEach(all::add);
		return all;
	}

	private List<String> eventIds() {
		return deliveries().stream().map(d -> d.path("id").asString()).toList();
	}

	/** The log entry of the (original) delivery of the first event about this RMA that reached the receiver. */
	private JsonNode deliveryOf(String rma) {
		return logEntry(receiver.about(rma).get(0).json().path("id").asString());
	}

	/** The log entry of the (original) delivery of an event. */
	private JsonNode logEntry(String id) {
		return deliveries().stream()
			.filter(d -> d.path("id").asString().equals(id) && !d.path("duplicate").asBoolean())
			.findFirst()
			.orElseThrow();
	}

	private long effect(String name) {
		return json.readTree(sandbox.get().uri("/admin/effects").retrieve().body(String.class)).path("warehouse")
			.path(name).asLong();
	}

	private DemoOrder twoLineDeliveredOrder() {
		DemoOrder order = erp.untouchedDeliveredOrder(1);
		while (order.lines().size() < 2) {
			order = erp.untouchedDeliveredOrder(1);
		}
		return order;
	}

	private static String rma() {
		return "RMA-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Recomputes the signature independently of the WMS's code: HMAC-SHA256 over {@code t + "." + body}. */
	private static void assertSignedWith(String secret, Received delivery) {
		Matcher header = SIGNATURE.matcher(delivery.signature());
		assertThat(header.matches()).as(delivery.signature()).isTrue();
		long timestamp = Long.parseLong(header.group(1));
		assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((timestamp + "." + delivery.text()).getBytes(StandardCharsets.UTF_8));
			assertThat(header.group(2)).isEqualTo(HexFormat.of().formatHex(expected));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new AssertionError(ex);
		}
	}
}
