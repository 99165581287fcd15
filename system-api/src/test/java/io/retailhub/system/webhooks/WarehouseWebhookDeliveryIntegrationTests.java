package io.retailhub.system.webhooks;

import io.retailhub.system.support.SystemApiHttp;
import static io.retailhub.system.support.SystemApiHttp.jsonOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventSchemaValidator;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.system.erp.ErpTestOrders;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The whole path of a parcel: an RMA created in ERP through the system API, the sandbox WMS
 * receiving it and pushing the signed webhook, the system API under test publishing
 * {@code ReturnReceived}, read back from the shared Kafka broker; with the WMS's duplicates,
 * reordering, automatic receiving and redelivery after a 503.
 */
@SystemApiIntegrationTest
class WarehouseWebhookDeliveryIntegrationTests {

	@LocalServerPort
	int port;

	final JsonMapper json = JsonMapper.shared();

	final SandboxWarehouse wms = new SandboxWarehouse();

	ReturnsTopic topic;

	@BeforeEach
	void subscribe() {
		wms.subscribe(port);
		wms.calm();
		topic = ReturnsTopic.fromNow();
	}

	@AfterEach
	void calm() {
		wms.calm();
		wms.autoReceiveAfter("0s");
		wms.subscribe(port);
		topic.close();
	}

	@Test
	void turnsAParcelReceivedAtTheWarehouseIntoReturnReceivedOnKafka() {
		// given an RMA for one unit of line 10
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String rma = authorizeReturn(order, 1);

		// when the parcel arrives at the warehouse
		JsonNode receipt = wms.receive(rma, null);

		// then the receipt is on retail.returns.v1, keyed by order, conforming to its schema
		ConsumerRecord<String, byte[]> record = topic.awaitRecord(r -> ("rmas/" + rma).equals(subject(r)));
		assertThat(record.key()).isEqualTo(order.orderNumber());
		assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.retailhub.return.received.v1");
		assertThat(header(record, CloudEventHeaders.SEQUENCE)).isEqualTo(CloudEventHeaders.sequence(1));
		EventSchemaValidator.instance().assertConforms(header(record, CloudEventHeaders.TYPE), record.value());
		ReturnReceived event = json.readValue(record.value(), ReturnReceived.class);
		assertThat(event.receiptId()).isEqualTo(receipt.path("receipt_id").asString());
		assertThat(event.orderId().value()).isEqualTo(order.orderNumber());
		assertThat(event.warehouseId()).isEqualTo(receipt.path("warehouse_id").asString());
		assertThat(event.lines()).singleElement().satisfies(line -> {
			assertThat(line.lineNumber()).isEqualTo("10");
			assertThat(line.sku().value()).isEqualTo(order.lines().get(0).sku());
			assertThat(line.quantityExpected()).isEqualTo(1);
			assertThat(line.quantityReceived()).isEqualTo(1);
		});

		// and the WMS logged one successful delivery of the event the hub's ce_id was derived from
		JsonNode delivery = deliveryPublishedAs(header(record, CloudEventHeaders.ID));
		assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.path("lastStatus").asInt()).isEqualTo(200);
	}

	@Test
	void publishesAnEventTheWmsDeliversTwiceOnlyOnce() {
		// given a WMS that delivers every event twice
		wms.chaos("{\"duplicateProbability\":1.0}");
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
		String rma = authorizeReturn(order, 1);

		// when
		wms.receive(rma, null);

		// then both deliveries were answered 200, but one event reached Kafka
		String ceId = header(topic.awaitRecord(r -> ("rmas/" + rma).equals(subject(r))), CloudEventHeaders.ID);
		String webhookId = deliveryPublishedAs(ceId).path("id").asString();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(wms.deliveriesOf(webhookId))
				.extracting(d -> d.path("duplicate").asBoolean() + "/" + d.path("state").asString())
				.containsExactly("false/DELIVERED", "true/DELIVERED"));
		publishMarker(order.orderNumber());
		assertThat(topic.about("rmas/" + rma)).hasSize(1);
	}

	@Test
	void keepsTheRmaSequenceWhenTheWmsDeliversOutOfOrderSoConsumersCanIgnoreTheStaleOne() {
		// given a WMS that holds an event back until the next one is delivered, and an RMA for two units
		wms.chaos("{\"outOfOrderProbability\":1.0}");
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(2);
		String rma = authorizeReturn(order, 2);

		// when the two units arrive in two parcels
		wms.receive(rma, """
				{"lines":[{"lineNumber":"10","received":1}]}""");
		wms.receive(rma, null);

		// then the second receipt reaches Kafka first, and each carries its place in the RMA's sequence
		List<ConsumerRecord<String, byte[]>> records = topic.awaitAbout("rmas/" + rma, 2);
		assertThat(records).extracting(r -> CloudEventHeaders.parseSequence(header(r, CloudEventHeaders.SEQUENCE)))
			.containsExactly(2L, 1L);

		// and a consumer that skips what is at or below the last sequence it applied ends with both units
		Map<String, Long> lastApplied = new TreeMap<>();
		Optional<ReturnReceived> applied = Optional.empty();
		for (ConsumerRecord<String, byte[]> record : records) {
			long sequence = CloudEventHeaders.parseSequence(header(record, CloudEventHeaders.SEQUENCE));
			if (sequence > lastApplied.getOrDefault(subject(record), 0L)) {
				lastApplied.put(subject(record), sequence);
				applied = Optional.of(json.readValue(record.value(), ReturnReceived.class));
			}
		}
		assertThat(applied).get()
			.satisfies(receipt -> assertThat(receipt.lines().get(0).quantityReceived()).isEqualTo(2));
	}

	@Test
	void receivesANewReturnAutomaticallySoItsReceiptReachesKafka() {
		// given
		wms.autoReceiveAfter("500ms");
		DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);

		// when the hub authorizes a return and nobody touches the warehouse
		String rma = authorizeReturn(order, 1);

		// then
		ConsumerRecord<String, byte[]> record = topic.awaitRecord(r -> ("rmas/" + rma).equals(subject(r)));
		EventSchemaValidator.instance().assertConforms(header(record, CloudEventHeaders.TYPE), record.value());
		assertThat(json.readValue(record.value(), ReturnReceived.class).lines().get(0).quantityReceived())
			.isEqualTo(1);
	}

	@Test
	void answers503WhileKafkaIsUnreachableAndTheWmsDeliversAgainUntilTheEventIsPublishedOnce() throws Exception {
		// given a system API whose Kafka is unreachable, and the WMS pointed at it
		try (AnotherSystemApi cutOff = AnotherSystemApi.start("localhost:" + freePort())) {
			wms.subscribe(cutOff.url() + "/api/system/v1/webhooks/warehouse");
			DemoOrder order = ErpTestOrders.untouchedDeliveredOrder(1);
			String rma = authorizeReturn(order, 1);
			List<String> earlier = wms.deliveries().stream().map(d -> d.path("id").asString()).toList();

			// when the parcel arrives
			wms.receive(rma, null);

			// then the WMS is refused with 503 and keeps the event
			String webhookId = wms.deliveries()
				.stream()
				.map(d -> d.path("id").asString())
				.filter(id -> !earlier.contains(id))
				.findFirst()
				.orElseThrow();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode delivery = wms.deliveriesOf(webhookId).get(0);
				assertThat(delivery.path("lastStatus").asInt()).isEqualTo(503);
				assertThat(delivery.path("state").asString()).isEqualTo("PENDING");
			});

			// and once it reaches a system API whose Kafka answers, the event is published, once
			wms.subscribe(port);
			String ceId = UUID.nameUUIDFromBytes(("warehouse:" + webhookId).getBytes(StandardCharsets.UTF_8))
				.toString();
			topic.awaitEvent(ceId);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(wms.deliveriesOf(webhookId).get(0).path("state").asString())
					.isEqualTo("DELIVERED"));
			publishMarker(order.orderNumber());
			assertThat(topic.about("rmas/" + rma)).hasSize(1);
		}
	}

	/** Creates the RMA in ERP through the system API; answers its number. */
	private String authorizeReturn(DemoOrder order, int units) {
		ResponseEntity<String> created = SystemApiHttp.withServiceToken("http://localhost:" + port)
			.post()
			.uri("/api/system/v1/return-authorizations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"externalReference":"%s","orderId":"%s","lines":[{"lineNumber":"10","quantity":%d,"reason":"UNWANTED"}]}"""
				.formatted(ErpTestOrders.reference("WMS-HOOK"), order.orderNumber(), units))
			.retrieve()
			.toEntity(String.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		return jsonOf(created).path("id").asString();
	}

	/** The WMS's log entry (the original delivery) of the webhook the hub published as {@code ceId}. */
	private JsonNode deliveryPublishedAs(String ceId) {
		return wms.deliveries()
			.stream()
			.filter(d -> !d.path("duplicate").asBoolean())
			.filter(d -> WarehouseWebhookManagement.eventId(d.path("id").asString()).toString().equals(ceId))
			.findFirst()
			.orElseThrow();
	}

	/** A valid receipt for the same order (same partition), waited for: what came before it has been read. */
	private void publishMarker(String orderNumber) {
		String marker = WmsWebhooks.receiptCreated(WmsWebhooks.eventId(), WmsWebhooks.rmaNumber(), orderNumber, 1);
		ResponseEntity<String> answer = WmsWebhooks.deliver("http://localhost:" + port, marker,
				WmsWebhooks.signature(marker), null);
		topic.awaitEvent(jsonOf(answer).path("eventId").asString());
	}

	private static String subject(ConsumerRecord<String, byte[]> record) {
		return header(record, CloudEventHeaders.SUBJECT);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return ReturnsTopic.header(record, name);
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
