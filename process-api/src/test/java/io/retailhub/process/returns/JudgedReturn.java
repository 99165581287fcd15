package io.retailhub.process.returns;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.commands.CreateReturnAuthorization;
import io.retailhub.contracts.commands.ReturnLineRequest;
import io.retailhub.contracts.events.ReturnChannel;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.process.systemapi.SystemApiClient;
import io.retailhub.process.systemapi.SystemApiException;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A return of one unit of one line of a demo order, judged eligible and stored, waiting for
 * its RMA: where the receipt tests start. It is stored directly, so no step runs for it until the
 * test records its RMA ({@link ReturnManagement#authorized}), as {@code return.create-rma} would.
 */
record JudgedReturn(UUID id, String returnNumber, DemoOrder order, DemoOrderLine line) {

	/** Stores a return of the order's first line; see {@link #store(ReturnCaseRepository, TransactionTemplate, DemoOrder, DemoOrderLine, String)}. */
	static JudgedReturn store(ReturnCaseRepository returns, TransactionTemplate tx, DemoOrder order, String prefix) {
		return store(returns, tx, order, order.lines().get(0), prefix);
	}

	/** Stores the return; {@code prefix} keeps its number (the RMA's external reference in the shared ERP) apart. */
	static JudgedReturn store(ReturnCaseRepository returns, TransactionTemplate tx, DemoOrder order, DemoOrderLine line,
			String prefix) {
		String returnNumber = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		UUID id = tx.execute(status -> {
			ReturnCase ret = ReturnCase.request(returnNumber, "judged-" + UUID.randomUUID(), "digest",
					OrderId.of(order.orderNumber()), CustomerId.of(order.customerNumber()), ReturnChannel.PORTAL,
					List.of(new RequestedLine(line.itemNumber(), 1, ReturnReason.UNWANTED)), Instant.now());
			Money refundable = Money.of(line.netAmount(), order.currency()).share(1, line.quantity());
			ret.judge(List.of(new LineVerdict(line.itemNumber(), Sku.of(line.sku()), true, null, null, refundable,
					Money.zero(refundable.currency()), Money.zero(refundable.currency()))),
					Money.zero(refundable.currency()), Instant.now());
			return returns.saveAndFlush(ret).id();
		});
		return new JudgedReturn(id, returnNumber, order, line);
	}

	/**
	 * Has ERP create the return's RMA, as {@code return.create-rma} does: by the return number as
	 * external reference, so that asking again after an unanswered attempt (a busy machine) gets
	 * the first RMA.
	 */
	ReturnAuthorizationId createRma(SystemApiClient systemApi) {
		CreateReturnAuthorization request = new CreateReturnAuthorization(returnNumber, OrderId.of(order.orderNumber()),
				List.of(new ReturnLineRequest(line.itemNumber(), 1, ReturnReason.UNWANTED)));
		return await().atMost(Duration.ofSeconds(60))
			.ignoreExceptionsInstanceOf(SystemApiException.class)
			.until(() -> systemApi.createReturnAuthorization(request), rma -> true)
			.id();
	}

	/** The warehouse's receipt of the returned unit, in good order. */
	ReturnReceived receipt(ReturnAuthorizationId rma, String receiptId) {
		return new ReturnReceived(rma, OrderId.of(order.orderNumber()), receiptId, "DC-EAST",
				List.of(new ReturnReceived.Line(line.itemNumber(), Sku.of(line.sku()), 1, 1, 0, 0)), Instant.now(),
				Instant.now());
	}
}
