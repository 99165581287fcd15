package io.retailhub.process.returns;

import java.util.List;
import java.util.Map;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.events.Disposition;
import io.retailhub.contracts.events.ReturnInspected;
import org.junit.jupiter.api.Test;

import static io.retailhub.process.returns.ReturnFixtures.NOW;
import static io.retailhub.process.returns.ReturnFixtures.authorized;
import static io.retailhub.process.returns.ReturnFixtures.deliveredOrder;
import static io.retailhub.process.returns.ReturnFixtures.eligible;
import static io.retailhub.process.returns.ReturnFixtures.line;
import static io.retailhub.process.returns.ReturnFixtures.requested;
import static io.retailhub.process.returns.ReturnFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReturnCaseTests {

	@Test
	void refusesTheSameOrderLineTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> requested("RH-1", line("10", 1), line("10", 1)));
	}

	@Test
	void staysRequestedWhenEligibleUntilItHasAnRma() {
		// given
		ReturnCase ret = requested("RH-1", line("10", 2));

		// when
		boolean eligible = ret.judge(ReturnEligibility.judge(List.of(line("10", 2)), deliveredOrder(),
				eligible(Map.of("10", 2)), List.of(), List.of()), usd("5.95"), NOW);

		// then
		assertThat(eligible).isTrue();
		assertThat(ret.status()).isEqualTo(ReturnStatus.REQUESTED);
		assertThat(ret.needsRma()).isTrue();
		assertThat(ret.estimatedRefund()).isEqualTo(usd("74.05"));
	}

	@Test
	void isDeclinedWithEveryIneligibleLinesReason() {
		// given line 10 asked for 3 of 2 delivered
		ReturnCase ret = requested("RH-1", line("10", 3));

		// when
		boolean eligible = ret.judge(ReturnEligibility.judge(List.of(line("10", 3)), deliveredOrder(),
				eligible(Map.of("10", 3)), List.of(), List.of()), usd("5.95"), NOW);

		// then
		assertThat(eligible).isFalse();
		assertThat(ret.status()).isEqualTo(ReturnStatus.DECLINED);
		assertThat(ret.declines()).singleElement().satisfies(d -> {
			assertThat(d.lineNumber()).isEqualTo("10");
			assertThat(d.code()).isEqualTo("QUANTITY_EXCEEDED");
		});
		assertThat(ret.closedAt()).isEqualTo(NOW);
	}

	@Test
	void becomesAuthorizedWithItsRma() {
		ReturnCase ret = authorized(2);

		assertThat(ret.status()).isEqualTo(ReturnStatus.AUTHORIZED);
		assertThat(ret.rmaNumber()).contains(ReturnAuthorizationId.of("6001"));
		assertThat(ret.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
	}

	@Test
	void keepsTheRmaOfAReturnCanceledWhileErpCreatedIt() {
		// given
		ReturnCase ret = requested("RH-1", line("10", 1));
		ret.judge(ReturnEligibility.judge(List.of(line("10", 1)), deliveredOrder(), eligible(Map.of("10", 1)),
				List.of(), List.of()), usd("0"), NOW);
		ret.cancel(NOW);

		// when
		boolean authorized = ret.authorize(ReturnAuthorizationId.of("6001"), NOW.plusSeconds(60), NOW);

		// then
		assertThat(authorized).isFalse();
		assertThat(ret.status()).isEqualTo(ReturnStatus.CANCELED);
		assertThat(ret.rmaNumber()).isPresent();
	}

	@Test
	void isPartiallyReceivedUntilEveryUnitArrives() {
		// given
		ReturnCase ret = authorized(2);

		// when one of two arrives, then both
		ReturnStatus first = ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(2, 1, 0, 0)), NOW);
		ReturnStatus second = ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(2, 2, 0, 0)), NOW);

		// then receipts are cumulative
		assertThat(first).isEqualTo(ReturnStatus.PARTIALLY_RECEIVED);
		assertThat(second).isEqualTo(ReturnStatus.RECEIVED);
		assertThat(ret.lines().get(0).quantityReceived()).isEqualTo(2);
	}

	@Test
	void inspectsDispositionsAndRefundsAcceptedUnits() {
		// given 2 received, 1 of them rejected
		ReturnCase ret = authorized(2);
		ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(2, 2, 0, 1)), NOW);

		// when
		RefundAmounts.Result result = RefundAmounts.compute(ret.refundInputs(), ret.returnShippingFee(), usd("1000"));
		ret.inspect(result, NOW);

		// then 40.00 for the accepted unit, less the 5.95 fee
		assertThat(ret.status()).isEqualTo(ReturnStatus.INSPECTED);
		assertThat(ret.refundAmount()).isEqualTo(usd("34.05"));
		assertThat(ret.lines().get(0).acceptedQuantity()).isEqualTo(1);
		assertThat(ret.lines().get(0).disposition()).isEqualTo(Disposition.RESTOCK);
		ReturnInspected inspected = ReturnEvents.inspected(ret, NOW);
		assertThat(inspected.lines()).extracting(ReturnInspected.Line::disposition)
			.containsExactly(Disposition.RESTOCK, Disposition.REFUSE);
		assertThat(inspected.lines().get(0).refundAmount()).isEqualTo(usd("40.00"));
		assertThat(inspected.refundAmount()).isEqualTo(usd("34.05"));
	}

	@Test
	void splitsALinesRefundBetweenRestockedAndDamagedUnits() {
		// given 2 received, 1 damaged
		ReturnCase ret = authorized(2);
		ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(2, 2, 1, 0)), NOW);
		ret.inspect(RefundAmounts.compute(ret.refundInputs(), ret.returnShippingFee(), usd("1000")), NOW);

		// when
		ReturnInspected inspected = ReturnEvents.inspected(ret, NOW);

		// then
		assertThat(ret.lines().get(0).disposition()).isEqualTo(Disposition.DAMAGED);
		assertThat(inspected.lines()).extracting(ReturnInspected.Line::disposition)
			.containsExactly(Disposition.RESTOCK, Disposition.DAMAGED);
		assertThat(inspected.lines().get(0).refundAmount().plus(inspected.lines().get(1).refundAmount()))
			.isEqualTo(usd("80.00"));
	}

	@Test
	void closesAfterTheRefund() {
		ReturnCase ret = authorized(1);
		ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(1, 1, 0, 0)), NOW);
		ret.inspect(RefundAmounts.compute(ret.refundInputs(), ret.returnShippingFee(), usd("1000")), NOW);
		ret.startRefunding(NOW);
		ret.caseOpened(CaseId.of("500xx"), NOW);

		ret.close(NOW);

		assertThat(ret.status()).isEqualTo(ReturnStatus.CLOSED);
	}

	@Test
	void canBeCanceledBeforeAnythingArrives() {
		ReturnCase ret = authorized(1);

		ret.cancel(NOW);

		assertThat(ret.status()).isEqualTo(ReturnStatus.CANCELED);
	}

	@Test
	void cannotBeCanceledOnceSomethingArrived() {
		ReturnCase ret = authorized(2);
		ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(2, 1, 0, 0)), NOW);

		assertThat(ret.cancelable()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> ret.cancel(NOW));
	}

	@Test
	void expiresWhenNothingArrivedInTime() {
		ReturnCase ret = authorized(1);

		assertThat(ret.expire(ret.expiresAt())).isTrue();
		assertThat(ret.status()).isEqualTo(ReturnStatus.EXPIRED);
	}

	@Test
	void doesNotExpireOnceSomethingArrivedOrBeforeItsTime() {
		ReturnCase early = authorized(1);
		assertThat(early.expire(early.expiresAt().minusSeconds(1))).isFalse();

		ReturnCase received = authorized(2);
		received.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(2, 1, 0, 0)), NOW);
		assertThat(received.expire(received.expiresAt())).isFalse();
		assertThat(received.status()).isEqualTo(ReturnStatus.PARTIALLY_RECEIVED);
	}

	@Test
	void goesBackWhereItWasAfterAPersonDecided() {
		// given
		ReturnCase ret = authorized(1);
		ret.requireAction("a person must look", NOW);
		assertThat(ret.status()).isEqualTo(ReturnStatus.REQUIRES_ACTION);
		assertThat(ret.actionFromStatus()).isEqualTo(ReturnStatus.AUTHORIZED);

		// when
		ReturnStatus back = ret.resume(NOW);

		// then
		assertThat(back).isEqualTo(ReturnStatus.AUTHORIZED);
		assertThat(ret.status()).isEqualTo(ReturnStatus.AUTHORIZED);
		assertThat(ret.actionReason()).isNull();
	}

	@Test
	void refusesReceiptsOnceFinished() {
		ReturnCase ret = authorized(1);
		ret.cancel(NOW);

		assertThatIllegalStateException()
			.isThrownBy(() -> ret.recordReceipt(Map.of("10", new ReturnCase.ReceiptCount(1, 1, 0, 0)), NOW));
	}
}
