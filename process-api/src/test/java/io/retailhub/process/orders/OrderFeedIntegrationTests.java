package io.retailhub.process.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventSchemaValidator;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApiInstances;
import io.retailhub.process.e2e.ProcessApiInstances.Deployment;
import io.retailhub.process.e2e.PublishedEvents;
import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoProduct;
import io.retailhub.sandbox.backends.faults.Backend;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The order feed end to end: an order placed in the sandbox ERP is read through the real system
 * API over HTTP, recorded in PostgreSQL and published once on Kafka as {@code order.confirmed},
 * whatever overlaps, repeats or outages come in between. One process-api instance runs the feed on
 * its own database; every other process-api in the test JVM has it switched off, since all of them
 * share the sandbox ERP.
 */
class OrderFeedIntegrationTests {

	static final Deployment ORDERS = new Deployment("process_orders", "process-api-orders-tests", "RO-",
			Map.of("retailhub.orders.feed.enabled", "true", "retailhub.orders.feed.poll-interval", "200ms",
					"retailhub.orders.feed.overlap", "1m", "retailhub.orders.feed.batch-size", "2"));

	static ConfigurableApplicationContext instance;

	@BeforeAll
	static void start() {
		instance = ProcessApiInstances.start("order-feed-test", ORDERS);
	}

	@AfterAll
	static void stop() {
		instance.close();
	}

	@AfterEach
	void heal() {
		HubSandbox.heal();
	}

	@Test
	void publishesOneSchemaValidOrderConfirmedForAnOrderPlacedInErp() {
		DemoCustomer customer = customer();
		DemoProduct shirt = products().get(0);
		DemoProduct other = products().get(1);

		place("WEB-FEED-1", List.of(line(shirt, 2, new BigDecimal("5.00")), line(other, 1, BigDecimal.ZERO)));

		ConsumerRecord<String, byte[]> record = awaitOnlyConfirmation("WEB-FEED-1");
		JsonNode payload = JsonMapper.shared().readTree(new String(record.value(), StandardCharsets.UTF_8));
		String currency = customer.currency();
		BigDecimal shirtPrice = shirt.price(currency);
		assertThat(PublishedEvents.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.ORDER_CONFIRMED.type());
		assertThat(PublishedEvents.header(record, CloudEventHeaders.SUBJECT)).isEqualTo("orders/WEB-FEED-1");
		assertThat(PublishedEvents.header(record, CloudEventHeaders.SOURCE)).isEqualTo(CloudEventHeaders.SOURCE_PROCESS_API);
		assertThat(CloudEventHeaders.parseSequence(PublishedEvents.header(record, CloudEventHeaders.SEQUENCE))).isEqualTo(1);
		assertThat(payload.get("orderId").asString()).isEqualTo("WEB-FEED-1");
		assertThat(payload.get("customerId").asString()).isEqualTo(customer.number());
		assertThat(payload.get("channel").asString()).isEqualTo("WEB");
		assertThat(payload.get("lines")).hasSize(2);
		JsonNode first = payload.get("lines").get(0);
		assertThat(first.get("lineNumber").asString()).isEqualTo("10");
		assertThat(first.get("sku").asString()).isEqualTo(shirt.sku());
		assertThat(first.get("quantity").asInt()).isEqualTo(2);
		assertThat(first.get("unitPrice").get("amount").decimalValue()).isEqualByComparingTo(shirtPrice);
		assertThat(first.get("netAmount").get("amount").decimalValue())
			.isEqualByComparingTo(shirtPrice.multiply(BigDecimal.valueOf(2)).subtract(new BigDecimal("5.00")));
		assertThat(payload.get("total").get("amount").decimalValue()).isEqualByComparingTo(
				shirtPrice.multiply(BigDecimal.valueOf(2)).subtract(new BigDecimal("5.00")).add(other.price(currency)));
		assertThat(payload.get("total").get("currency").asString()).isEqualTo(currency);
		EventSchemaValidator.instance().assertConforms(EventType.ORDER_CONFIRMED.type(), record.value());

		double polls = polls("success");
		await().atMost(Duration.ofSeconds(20)).until(() -> polls("success") >= polls + 5);
		assertThat(confirmations("WEB-FEED-1")).as("later polls read it again within the overlap").hasSize(1);
	}

	@Test
	void pollsOverAnOverlappingWindowConfirmEachOrderOnce() {
		List<String> orders = List.of("WEB-FEED-2A", "WEB-FEED-2B", "WEB-FEED-2C");
		orders.forEach(order -> place(order, List.of(line(products().get(0), 1, BigDecimal.ZERO))));
		orders.forEach(OrderFeedIntegrationTests::awaitOnlyConfirmation);
		JdbcClient database = instance.getBean(JdbcClient.class);
		OrderFeed feed = instance.getBean(OrderFeed.class);

		// the cursor goes back to the start: the next poll reads every order placed here again
		database.sql("UPDATE order_feed_cursor SET changed_up_to = start_at").update();
		OrderFeed.Poll again = pollOnce(feed);
		OrderFeed.Poll onceMore = pollOnce(feed);

		assertThat(again.read()).as("orders read again, over pages of two").isGreaterThanOrEqualTo(orders.size());
		assertThat(again.confirmed()).isZero();
		assertThat(onceMore.confirmed()).isZero();
		for (String order : orders) {
			assertThat(database.sql("SELECT count(*) FROM confirmed_order WHERE order_id = :id")
				.param("id", order)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(confirmations(order)).hasSize(1);
		}
	}

	@Test
	void publishesAnOrderPlacedWhileErpWasUnreachableOnceItAnswersAgain() {
		HubSandbox.outage(Backend.ERP);
		double failures = polls("failure");

		place("WEB-FEED-3", List.of(line(products().get(1), 3, BigDecimal.ZERO)));
		await().atMost(Duration.ofSeconds(20)).until(() -> polls("failure") >= failures + 3);
		assertThat(confirmations("WEB-FEED-3")).as("nothing confirmed while ERP is down").isEmpty();
		HubSandbox.heal();

		ConsumerRecord<String, byte[]> record = awaitOnlyConfirmation("WEB-FEED-3");
		EventSchemaValidator.instance().assertConforms(EventType.ORDER_CONFIRMED.type(), record.value());
	}

	@Test
	void twoInstancesPollingOneDatabaseConfirmEachOrderOnce() {
		ConfigurableApplicationContext second = ProcessApiInstances.start("order-feed-test-2", ORDERS);
		try {
			List<String> orders = List.of("WEB-FEED-4A", "WEB-FEED-4B", "WEB-FEED-4C", "WEB-FEED-4D");
			double confirmedBefore = confirmed(instance) + confirmed(second);

			orders.forEach(order -> place(order, List.of(line(products().get(1), 1, BigDecimal.ZERO))));
			orders.forEach(OrderFeedIntegrationTests::awaitOnlyConfirmation);

			// both instances go on polling, each reading the orders again within the overlap
			double firstPolls = polls(instance, "success");
			double secondPolls = polls(second, "success");
			await().atMost(Duration.ofSeconds(40))
				.until(() -> polls(instance, "success") >= firstPolls + 3 && polls(second, "success") >= secondPolls + 3);

			// and still every order is confirmed once: on Kafka, and by one of the two
			for (String order : orders) {
				assertThat(confirmations(order)).as(order).hasSize(1);
			}
			assertThat(confirmed(instance) + confirmed(second) - confirmedBefore).isEqualTo(orders.size());
		}
		finally {
			second.close();
		}
	}

	/** Polls until this instance holds the cursor (its scheduled poll may be running). */
	private static OrderFeed.Poll pollOnce(OrderFeed feed) {
		AtomicReference<OrderFeed.Poll> result = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			OrderFeed.Poll poll = feed.poll();
			result.set(poll);
			return !poll.busy();
		});
		return result.get();
	}

	/** Waits for the order's confirmation on Kafka: there is exactly one so far. */
	private static ConsumerRecord<String, byte[]> awaitOnlyConfirmation(String orderId) {
		await().atMost(Duration.ofSeconds(40)).until(() -> !confirmations(orderId).isEmpty());
		List<ConsumerRecord<String, byte[]>> records = confirmations(orderId);
		assertThat(records).hasSize(1);
		return records.get(0);
	}

	private static List<ConsumerRecord<String, byte[]>> confirmations(String orderId) {
		return PublishedEvents.records(Topics.ORDERS, orderId)
			.stream()
			.filter(r -> EventType.ORDER_CONFIRMED.type().equals(PublishedEvents.header(r, CloudEventHeaders.TYPE)))
			.toList();
	}

	private static double polls(String outcome) {
		return polls(instance, outcome);
	}

	/** Polls of one instance by outcome; "success" only when it held the cursor and read ERP's changes. */
	private static double polls(ConfigurableApplicationContext feed, String outcome) {
		return feed.getBean(MeterRegistry.class)
			.get("retailhub.order.feed.polls")
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	/** Orders one instance confirmed. */
	private static double confirmed(ConfigurableApplicationContext feed) {
		return feed.getBean(MeterRegistry.class).get("retailhub.orders.confirmed").counter().count();
	}

	private static void place(String orderNumber, List<Map<String, Object>> lines) {
		RestClient.create()
			.post()
			.uri(HubSandbox.sandboxUrl() + "/admin/erp/sales-orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("orderNumber", orderNumber, "customerNumber", customer().number(), "channel", "WEB", "lines",
					lines))
			.retrieve()
			.toBodilessEntity();
	}

	private static Map<String, Object> line(DemoProduct product, int quantity, BigDecimal discount) {
		return Map.of("sku", product.sku(), "quantity", quantity, "discount", discount);
	}

	/** A customer from the end of the demo data: other tests use the showcase customer's orders. */
	private static DemoCustomer customer() {
		List<DemoCustomer> customers = data().customers();
		return customers.get(customers.size() - 1);
	}

	private static List<DemoProduct> products() {
		String currency = customer().currency();
		return data().products().stream().filter(p -> p.price(currency) != null).limit(2).toList();
	}

	private static DemoData data() {
		return HubSandbox.backendBean(DemoData.class);
	}
}
