package io.retailhub.process.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Supplier;

import io.retailhub.process.support.ProcessApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ProcessApiIntegrationTest
class InboxIntegrationTests {

	@Autowired
	Inbox inbox;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final String consumer = "inbox-tests-" + UUID.randomUUID();

	private final String eventId = UUID.randomUUID().toString();

	@Test
	void firstDeliveryIsTrueOnceThenFalse() {
		// given an event the consumer has not seen
		// when it is delivered twice, each in its own transaction
		boolean first = inTransaction(() -> this.inbox.firstDelivery(this.consumer, this.eventId));
		boolean second = inTransaction(() -> this.inbox.firstDelivery(this.consumer, this.eventId));

		// then only the first delivery is to be processed
		assertThat(first).isTrue();
		assertThat(second).isFalse();
	}

	@Test
	void firstDeliveryIsTrackedPerConsumer() {
		// given one consumer processed the event
		inTransaction(() -> this.inbox.firstDelivery(this.consumer, this.eventId));

		// when another consumer receives it, then it is new to that one
		assertThat(inTransaction(() -> this.inbox.firstDelivery(this.consumer + "-other", this.eventId))).isTrue();
	}

	@Test
	void deliveryWhoseTransactionRolledBackIsProcessedAgain() {
		// given a delivery whose processing failed and rolled back, inbox row included
		new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> {
			this.inbox.firstDelivery(this.consumer, this.eventId);
			status.setRollbackOnly();
		});

		// when the event is redelivered, then it is processed: nothing of the failed attempt stuck
		assertThat(inTransaction(() -> this.inbox.firstDelivery(this.consumer, this.eventId))).isTrue();
	}

	@Test
	void isCurrentAdvancesOnNewerSequencesAndRejectsStaleOnes() {
		// given an aggregate whose sequence 2 the consumer applied
		String aggregate = "returns/" + UUID.randomUUID();
		assertThat(inTransaction(() -> this.inbox.isCurrent(this.consumer, aggregate, 2))).isTrue();

		// when sequence 1 arrives late, 2 again, then 5 (gaps are fine), then 4
		boolean late = inTransaction(() -> this.inbox.isCurrent(this.consumer, aggregate, 1));
		boolean again = inTransaction(() -> this.inbox.isCurrent(this.consumer, aggregate, 2));
		boolean newer = inTransaction(() -> this.inbox.isCurrent(this.consumer, aggregate, 5));
		boolean behindNewer = inTransaction(() -> this.inbox.isCurrent(this.consumer, aggregate, 4));

		// then only the newer one is current
		assertThat(late).isFalse();
		assertThat(again).isFalse();
		assertThat(newer).isTrue();
		assertThat(behindNewer).isFalse();
	}

	@Test
	void isCurrentIsTrackedPerConsumerAndAggregate() {
		// given the consumer applied sequence 3 of one aggregate
		String aggregate = "returns/" + UUID.randomUUID();
		inTransaction(() -> this.inbox.isCurrent(this.consumer, aggregate, 3));

		// when sequence 1 of another aggregate, or of the same aggregate for another consumer, arrives
		// then each is current
		assertThat(inTransaction(() -> this.inbox.isCurrent(this.consumer, "returns/" + UUID.randomUUID(), 1))).isTrue();
		assertThat(inTransaction(() -> this.inbox.isCurrent(this.consumer + "-other", aggregate, 1))).isTrue();
	}

	@Test
	void inboxRefusesToWorkOutsideATransaction() {
		// given no transaction, when checking, then the inbox refuses: its row must commit with the state change
		assertThatThrownBy(() -> this.inbox.firstDelivery(this.consumer, this.eventId))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> this.inbox.isCurrent(this.consumer, "returns/x", 1))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private <T> T inTransaction(Supplier<T> work) {
		return new TransactionTemplate(this.transactionManager).execute(status -> work.get());
	}

}
