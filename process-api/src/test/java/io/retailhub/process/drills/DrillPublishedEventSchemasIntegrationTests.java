package io.retailhub.process.drills;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.retailhub.contracts.events.CloudEventHeaders;
import io.retailhub.contracts.events.EventSchemaValidator;
import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.PublishedEvents;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.sandbox.backends.payment.PaymentLedger;
import io.retailhub.sandbox.backends.payment.RefundBehavior;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.retailhub.process.e2e.ProcessApi.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drill: everything published along returns that take every road the hub knows (refunded after
 * a payment outage with the parcel shipped by the shopper and coming through the warehouse's
 * webhook, declined, canceled,
 * expired, refund refused by the provider), read back from Kafka as a downstream consumer would
 * and held to the JSON Schema of its {@code ce_type}, byte for byte.
 */
@ReturnsIntegrationTest
class DrillPublishedEventSchemasIntegrationTests {

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Test
	void everyEventPublishedAlongEveryRoadOfAReturnConformsToItsSchema() {
		// given a return left to expire (its timer runs while the others go their ways)
		DemoOrder expiring = DemoOrders.freshDelivered();
		String expired = AuthorizedReturn.request(api, expiring, 1);

		// and a return refunded after a payment outage, its parcel handed to a carrier by the shopper and
		// received through the warehouse's webhook
		DemoOrder refundedOrder = DemoOrders.freshDelivered();
		AuthorizedReturn refunded = AuthorizedReturn.of(api, refundedOrder, 1);
		assertThat(api.post("/returns/" + refunded.id() + "/parcel",
				Map.of("X-Acting-User", "customer:" + refundedOrder.customerNumber()),
				Map.of("carrier", "UPS", "trackingCode", "1Z999AA10123456784"))
			.getStatusCode()
			.value()).isEqualTo(200);
		HubSandbox.outage(Backend.PAYMENT);
		HubSandbox.receiveParcel(refunded.rmaNumber(), refunded.line().itemNumber(), 1);
		await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> api.workflow(refunded.id()).path("steps").valueStream()
				.anyMatch(s -> s.path("step").asString().equals("return.note-refund-pending")
						&& s.path("status").asString().equals("DONE")));
		HubSandbox.heal();
		AuthorizedReturn.awaitStatus(api, refunded.id(), "CLOSED");

		// and a return asking for more than was delivered, declined
		DemoOrder declinedOrder = DemoOrders.freshDelivered();
		DemoOrderLine line = declinedOrder.lines().get(0);
		String declined = api.requestReturn(newKey(), declinedOrder.orderNumber(), "AGENT",
				ProcessApi.line(line.itemNumber(), line.quantity() + 1, "DEFECTIVE"))
			.getBody()
			.path("id")
			.asString();
		AuthorizedReturn.awaitStatus(api, declined, "DECLINED");

		// and a return canceled before its parcel was sent
		DemoOrder canceledOrder = DemoOrders.freshDelivered();
		AuthorizedReturn canceled = AuthorizedReturn.of(api, canceledOrder, 1);
		assertThat(api.cancel(canceled.id()).getStatusCode().value()).isEqualTo(200);

		// and a return whose refund the payment provider refuses
		DemoOrder refusedOrder = DemoOrders.freshDelivered();
		AuthorizedReturn refused = AuthorizedReturn.of(api, refusedOrder, 1);
		HubSandbox.backendBean(PaymentLedger.class).refundBehavior(RefundBehavior.failing("expired_or_canceled_card"));
		warehouse.publish(refusedOrder.orderNumber(), refused.rmaNumber(), 1,
				refused.allReceived());
		AuthorizedReturn.awaitStatus(api, refused.id(), "REQUIRES_ACTION");
		AuthorizedReturn.awaitStatus(api, expired, "EXPIRED");

		// when a downstream consumer reads everything published about those orders
		List<DemoOrder> orders = List.of(expiring, refundedOrder, declinedOrder, canceledOrder, refusedOrder);
		Set<EventType> expected = EnumSet.complementOf(EnumSet.of(EventType.ORDER_CONFIRMED));
		List<ConsumerRecord<String, byte[]>> records = await().atMost(AuthorizedReturn.PATIENCE)
			.until(() -> published(orders), rs -> typesOf(rs).containsAll(expected));

		// then every record's payload conforms to the schema of its type, and its headers name that schema
		assertThat(records).allSatisfy(record -> {
			String type = PublishedEvents.header(record, CloudEventHeaders.TYPE);
			EventSchemaValidator.instance().assertConforms(type, record.value());
			assertThat(PublishedEvents.header(record, CloudEventHeaders.DATA_SCHEMA))
				.isEqualTo(EventType.byType(type).orElseThrow().schemaId().toString());
		});

		// and every type but the ERP feed's order-confirmed was among them
		assertThat(typesOf(records)).containsExactlyInAnyOrderElementsOf(expected);
	}

	private static List<ConsumerRecord<String, byte[]>> published(List<DemoOrder> orders) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		for (String topic : List.of(Topics.RETURNS, Topics.REFUNDS, Topics.CASES)) {
			orders.forEach(order -> records.addAll(PublishedEvents.records(topic, order.orderNumber())));
		}
		return records;
	}

	private static Set<EventType> typesOf(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream()
			.map(r -> EventType.byType(PublishedEvents.header(r, CloudEventHeaders.TYPE)).orElseThrow())
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
	}
}
