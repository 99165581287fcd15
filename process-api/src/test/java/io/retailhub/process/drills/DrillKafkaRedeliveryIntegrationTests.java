package io.retailhub.process.drills;

import java.util.UUID;

import io.retailhub.contracts.events.Topics;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.HubSandbox;
import io.retailhub.process.e2e.ProcessApi;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.process.e2e.WarehouseReceipts;
import io.retailhub.sandbox.backends.data.DemoOrder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill: Kafka delivers a receipt again, as it does after a producer retry, a rebalance or a
 * consumer restarting from an older offset. The very same record (bytes and headers) is
 * published twice, and then the consumer group is rewound to before it and the consumer
 * restarted, so both copies and everything after them are delivered once more. The inbox makes
 * it one receipt: recorded once, refunded once.
 */
@ReturnsIntegrationTest
class DrillKafkaRedeliveryIntegrationTests {

	/** The listener of the warehouse's receipts ({@code ReturnReceiptListener}); also its inbox consumer name. */
	private static final String RECEIPTS = "returns.warehouse-receipts";

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.consumer.group-id}")
	String group;

	@Autowired
	ProcessApi api;

	@Autowired
	WarehouseReceipts warehouse;

	@Test
	void recordsAReceiptOnceWhenItsRecordIsDeliveredTwiceAndAgainAfterTheConsumerGroupIsRewound() {
		// given an authorized return
		DemoOrder order = DemoOrders.freshDelivered();
		int refundsBefore = HubSandbox.refundsAtPayment(order.paymentIntentId());
		AuthorizedReturn ret = AuthorizedReturn.of(api, order, 1);

		// when its receipt is published twice, the very same bytes and headers
		String eventId = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> receipt = warehouse.record(eventId, order.orderNumber(), ret.rmaNumber(), 1,
				ret.allReceived());
		RecordMetadata first = warehouse.send(receipt);
		RecordMetadata second = warehouse.send(receipt);

		// then the return is refunded and closed, the receipt recorded once
		assertThat(second.partition()).isEqualTo(first.partition());
		AuthorizedReturn.awaitStatus(api, ret.id(), "CLOSED");
		ConsumerGroups.awaitCaughtUp(group, Topics.RETURNS);
		assertRecordedOnce(ret, eventId);
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);

		// when the consumer is stopped, its group rewound to the first copy, and the consumer started again
		MessageListenerContainer consumer = listeners.getListenerContainer(RECEIPTS);
		consumer.stop();
		try {
			ConsumerGroups.rewind(group, new TopicPartition(first.topic(), first.partition()), first.offset());
		}
		finally {
			consumer.start();
		}

		// then both copies and everything after them are delivered again, and nothing is done again
		ConsumerGroups.awaitCaughtUp(group, Topics.RETURNS);
		assertRecordedOnce(ret, eventId);
		assertThat(api.returnOf(ret.id()).path("status").asString()).isEqualTo("CLOSED");
		ReturnEffects.of(api, ret.id(), order.paymentIntentId()).assertExactlyOnce(refundsBefore);
	}

	/** One inbox row for the event, one receipt in the return's timeline. */
	private void assertRecordedOnce(AuthorizedReturn ret, String eventId) {
		assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE consumer = :consumer AND event_id = :id")
			.param("consumer", RECEIPTS)
			.param("id", eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api.workflow(ret.id()).path("timeline"))
			.filteredOn(t -> t.path("kind").asString().equals("return.received"))
			.hasSize(1);
	}
}
