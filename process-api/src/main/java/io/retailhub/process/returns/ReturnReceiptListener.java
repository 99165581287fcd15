package io.retailhub.process.returns;

import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The warehouse's receipts, as system-api publishes them on {@value Topics#RETURNS}. Thin: reads
 * the envelope and payload and hands the receipt to {@link ReturnManagement#receive}, which
 * records it in one transaction with the inbox row (a redelivery is skipped) and the RMA's
 * sequence (an older receipt arriving late is skipped). The other events on the topic are
 * process-api's own and pass by.
 */
@Component
class ReturnReceiptListener {

	static final String CONSUMER = ReturnManagement.RECEIPTS_CONSUMER;

	private static final Logger log = LoggerFactory.getLogger(ReturnReceiptListener.class);

	private final ReturnManagement returns;

	private final JsonMapper json;

	ReturnReceiptListener(ReturnManagement returns, JsonMapper json) {
		this.returns = returns;
		this.json = json;
	}

	@KafkaListener(id = CONSUMER, topics = Topics.RETURNS, idIsGroup = false)
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!EventType.RETURN_RECEIVED.type().equals(event.type())) {
			return;
		}
		ReturnReceived receipt = event.payloadAs(json, ReturnReceived.class);
		ReturnManagement.ReceiptOutcome outcome = returns.receive(receipt, event.id(), event.subject(),
				event.sequence());
		log.info("Receipt {} for RMA {} (event {}): {}", receipt.receiptId(), receipt.rmaNumber(), event.id(),
				outcome);
	}
}
