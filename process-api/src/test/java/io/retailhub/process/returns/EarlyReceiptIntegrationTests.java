package io.retailhub.process.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.process.e2e.DemoOrders;
import io.retailhub.process.e2e.ReturnsIntegrationTest;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt that overtakes its return (the webhook beat the RMA's own commit) is kept and applied
 * in the transaction that authorizes the return.
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
		DemoOrder order = DemoOrders.freshReturnable();
		DemoOrderLine line = order.lines().get(0);
		String rma = "EARLY-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = tx.execute(status -> {
			ReturnCase ret = ReturnCase.request("RH-T" + UUID.randomUUID().toString().substring(0, 8),
					"early-" + UUID.randomUUID(), "digest", OrderId.of(order.orderNumber()),
					CustomerId.of(order.customerNumber()), ReturnChannel.PORTAL,
					List.of(new RequestedLine(line.itemNumber(), 1, ReturnReason.UNWANTED)), Instant.now());
			Money refundable = Money.of(line.netAmount(), order.currency()).share(1, line.quantity());
			ret.judge(List.of(new LineVerdict(line.itemNumber(), Sku.of(line.sku()), true, null, null, refundable,
					Money.zero(refundable.currency()), Money.zero(refundable.currency()))),
					Money.zero(refundable.currency()), Instant.now());
			return returns.saveAndFlush(ret).id();
		});

		// when the receipt arrives first
		ReturnReceived receipt = new ReturnReceived(ReturnAuthorizationId.of(rma), OrderId.of(order.orderNumber()),
				"RCPT-1", "DC-EAST",
				List.of(new ReturnReceived.Line(line.itemNumber(), Sku.of(line.sku()), 1, 1, 0, 0)), Instant.now(),
				Instant.now());
		ReturnManagement.ReceiptOutcome outcome = tx
			.execute(status -> management.recordReceipt(receipt, UUID.randomUUID().toString(), 1));

		// and the return is authorized with that RMA afterwards
		tx.executeWithoutResult(status -> {
			ReturnCase ret = returns.findById(id).orElseThrow();
			ret.authorize(ReturnAuthorizationId.of(rma), Instant.now().plusSeconds(600), Instant.now());
			management.applyEarlyReceipt(ret, Instant.now());
		});

		// then
		assertThat(outcome).isEqualTo(ReturnManagement.ReceiptOutcome.KEPT_FOR_LATER);
		ReturnCase received = returns.findById(id).orElseThrow();
		assertThat(received.status()).isIn(ReturnStatus.RECEIVED, ReturnStatus.INSPECTED, ReturnStatus.REFUNDING,
				ReturnStatus.CLOSED);
		assertThat(received.lines().get(0).quantityReceived()).isEqualTo(1);
		assertThat(earlyReceipts.findById(rma)).isEmpty();
	}
}
