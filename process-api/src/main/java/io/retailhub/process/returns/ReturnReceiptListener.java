package io.retailhub.process.returns;

import io.retailhub.contracts.events.EventType;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.events.Topics;
import io.retailhub.process.platform.inbox.Inbox;
import io.retailhub.process.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warehouse's receipts, as system-api publishes them on {@value Topics#RETURNS}. Thin: reads
 * the envelope and payload, then records the receipt in one transaction with the inbox row (a
 * redelivery is skipped) and the RMA's sequence (an older receipt arriving late is skipped).
 * The other events on the topic are process-api's own and pass by.
 */
@Component
class ReturnReceiptListener {

	static final String CONSUMER = "returns.warehouse-receipts";

	private static final Logger log = LoggerFactory.getLogger(ReturnReceiptListener.class);

	private final ReturnManagement returns;

	private final Inbox inbox;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	ReturnReceiptListener(ReturnManagement returns, Inbox inbox, JsonMapper json,
			PlatformTransactionManager transactionManager) {
		this.returns = returns;
		this.inbox = inbox;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@KafkaListener(id = CONSUMER, topics = Topics.RETURNS, idIsGroup = false)
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = IncomingEvent.from(record);
		if (!EventType.RETURN_RECEIVED.type().equals(event.type())) {
			return;
		}
		ReturnReceived receipt = event.payloadAs(json, ReturnReceived.class);
		transactions.executeWithoutResult(tx -> {
			if (!inbox.firstDelivery(CONSUMER, event.id())) {
				log.debug("Receipt event {} already processed", event.id());
				return;
			}
			long sequence = event.sequence() == null ? 0 : event.sequence();
			if (event.sequence() != null && !inbox.isCurrent(CONSUMER, event.subject(), sequence)) {
				log.info("Receipt event {} for RMA {} is older than one already applied; skipped", event.id(),
						receipt.rmaNumber());
				return;
			}
			ReturnManagement.ReceiptOutcome outcome = returns.recordReceipt(receipt, event.id(), sequence);
			log.info("Receipt {} for RMA {}: {}", receipt.receiptId(), receipt.rmaNumber(), outcome);
		});
	}
}
