package io.retailhub.process.returns;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returns stored straight in the hub's database, in states the workflow does not lead to by
 * itself, for tests of what the hub does when it meets them anyway: an authorized return whose RMA
 * ERP does not know, a declined return with an RMA. Nothing is scheduled for them.
 */
final class StoredReturns {

	private final ReturnCaseRepository returns;

	private final TransactionTemplate transactions;

	StoredReturns(ReturnCaseRepository returns, PlatformTransactionManager transactionManager) {
		this.returns = returns;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** One unit of the order's first line, judged eligible and authorized with {@code rma}. */
	ReturnCase authorized(DemoOrder order, String rma) {
		return store(order, ret -> {
			DemoOrderLine line = order.lines().get(0);
			Money refundable = Money.of(line.netAmount(), order.currency()).share(1, line.quantity());
			Money zero = Money.zero(refundable.currency());
			ret.judge(List.of(new LineVerdict(line.itemNumber(), Sku.of(line.sku()), true, null, null, refundable, zero,
					zero)), zero, Instant.now());
			ret.authorize(ReturnAuthorizationId.of(rma), Instant.now().plusSeconds(3600), Instant.now());
		});
	}

	/** One unit of the order's first line, declined, and carrying {@code rma} all the same. */
	ReturnCase declinedWithRma(DemoOrder order, String rma) {
		return store(order, ret -> {
			DemoOrderLine line = order.lines().get(0);
			ret.judge(List.of(LineVerdict.declined(line.itemNumber(), Sku.of(line.sku()),
					ReturnDeclineReason.RETURN_PERIOD_ENDED, null)), Money.zero(Currency.getInstance(order.currency())), Instant.now());
			ret.authorize(ReturnAuthorizationId.of(rma), null, Instant.now());
		});
	}

	/** An RMA number ERP has never issued. */
	static String unknownRma() {
		return "69" + String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000));
	}

	private ReturnCase store(DemoOrder order, Consumer<ReturnCase> state) {
		return transactions.execute(tx -> {
			DemoOrderLine line = order.lines().get(0);
			String number = "RT-S" + UUID.randomUUID().toString().substring(0, 8);
			ReturnCase ret = ReturnCase.request(number, "stored-" + UUID.randomUUID(), "digest",
					OrderId.of(order.orderNumber()), CustomerId.of(order.customerNumber()), ReturnChannel.PORTAL,
					List.of(new RequestedLine(line.itemNumber(), 1, ReturnReason.UNWANTED)), Instant.now());
			state.accept(ret);
			return returns.saveAndFlush(ret);
		});
	}
}
