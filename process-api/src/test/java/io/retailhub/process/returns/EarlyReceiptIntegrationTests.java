package io.retailhub.process.returns;

import java.util.UUID;

import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt that overtakes its return (the webhook beat the RMA's own commit) is kept and applied
 * in the transaction that records the return's RMA, whatever the return's state by then. (The
 * same two transactions in flight at the same moment: {@link EarlyReceiptRaceIntegrationTests}.)
 */
@ReturnsIntegrationTest
class EarlyReceiptIntegrationTests {

	@Autowired
	ReturnManagement management;

	@Autowired
	ReturnCaseRepository returns;

	@Autowired
	EarlyReceiptRepository earlyReceipts;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void appliesAKeptReceiptWhenTheReturnIsAuthorized() {
		// given a judged return still waiting for its RMA
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		JudgedReturn judged = JudgedReturn.store(returns, tx, DemoOrders.freshDelivered(), "RT-E");
		ReturnAuthorizationId rma = ReturnAuthorizationId.of("EARLY-" + UUID.randomUUID().toString().substring(0, 8));

		// when the receipt arrives first
		ReturnManagement.ReceiptOutcome outcome = tx
			.execute(status -> management.recordReceipt(judged.receipt(rma, "RCPT-1"), UUID.randomUUID().toString(), 1));

		// and the return is authorized with that RMA afterwards
		tx.executeWithoutResult(status -> management.authorized(judged.id(), rma));

		// then
		assertThat(outcome).isEqualTo(ReturnManagement.ReceiptOutcome.KEPT_FOR_LATER);
		ReturnCase received = returns.findById(judged.id()).orElseThrow();
		assertThat(received.status()).isIn(ReturnStatus.RECEIVED, ReturnStatus.INSPECTED, ReturnStatus.REFUNDING,
				ReturnStatus.CLOSED);
		assertThat(received.lines().get(0).quantityReceived()).isEqualTo(1);
		assertThat(earlyReceipts.findById(rma.value())).isEmpty();
	}

	@Test
	void aReceiptKeptForAReturnCanceledBeforeItsRmaWasRecordedNeedsAPerson() {
		// given a judged return canceled while ERP created its RMA, and the parcel's receipt kept
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		JudgedReturn judged = JudgedReturn.store(returns, tx, DemoOrders.freshDelivered(), "RT-E");
		ReturnAuthorizationId rma = ReturnAuthorizationId.of("EARLY-" + UUID.randomUUID().toString().substring(0, 8));
		management.cancel(judged.id(), "changed my mind");
		tx.execute(status -> management.recordReceipt(judged.receipt(rma, "RCPT-1"), UUID.randomUUID().toString(), 1));

		// when the RMA is recorded afterwards
		tx.executeWithoutResult(status -> management.authorized(judged.id(), rma));

		// then the kept receipt is decided: a parcel for a canceled return needs a person
		ReturnCase ret = returns.findById(judged.id()).orElseThrow();
		assertThat(ret.status()).isEqualTo(ReturnStatus.REQUIRES_ACTION);
		assertThat(ret.actionFromStatus()).isEqualTo(ReturnStatus.CANCELED);
		assertThat(ret.rmaNumber()).contains(rma);
		assertThat(earlyReceipts.findById(rma.value())).isEmpty();
	}
}
