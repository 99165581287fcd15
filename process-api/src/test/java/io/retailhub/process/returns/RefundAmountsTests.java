package io.retailhub.process.returns;

import java.util.List;

import io.retailhub.contracts.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefundAmountsTests {

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	@Test
	void refundsTheAcceptedShareOfEachLineRoundedOnce() {
		// given 3 units requested for 100.00 (33.333... each), 1 accepted
		var lines = List.of(new RefundAmounts.Input("10", usd("100.00"), 3, 1));

		// when
		RefundAmounts.Result result = RefundAmounts.compute(lines, usd("0"), usd("1000"));

		// then
		assertThat(result.lines().get(0).amount()).isEqualTo(usd("33.33"));
		assertThat(result.total()).isEqualTo(usd("33.33"));
		assertThat(result.capped()).isFalse();
	}

	@Test
	void takesTheReturnShippingFeeOffOncePerReturn() {
		// given two lines and a 5.95 fee
		var lines = List.of(new RefundAmounts.Input("10", usd("40.00"), 2, 2),
				new RefundAmounts.Input("20", usd("19.99"), 1, 1));

		// when
		RefundAmounts.Result result = RefundAmounts.compute(lines, usd("5.95"), usd("1000"));

		// then
		assertThat(result.linesTotal()).isEqualTo(usd("59.99"));
		assertThat(result.total()).isEqualTo(usd("54.04"));
	}

	@Test
	void neverRefundsLessThanZero() {
		// given everything rejected
		var lines = List.of(new RefundAmounts.Input("10", usd("40.00"), 2, 0));

		// when
		RefundAmounts.Result result = RefundAmounts.compute(lines, usd("5.95"), usd("1000"));

		// then
		assertThat(result.total()).isEqualTo(usd("0.00"));
	}

	@Test
	void capsAtWhatIsLeftOfThePayment() {
		// given another return already took all but 10.00 of the payment
		var lines = List.of(new RefundAmounts.Input("10", usd("40.00"), 2, 2));

		// when
		RefundAmounts.Result result = RefundAmounts.compute(lines, usd("0"), usd("10.00"));

		// then
		assertThat(result.total()).isEqualTo(usd("10.00"));
		assertThat(result.capped()).isTrue();
	}

	@Test
	void refundsNothingWhenThePaymentIsUsedUp() {
		var lines = List.of(new RefundAmounts.Input("10", usd("40.00"), 2, 2));

		RefundAmounts.Result result = RefundAmounts.compute(lines, usd("0"), usd("-3.00"));

		assertThat(result.total()).isEqualTo(usd("0.00"));
	}

	@Test
	void roundsToTheCurrencysMinorUnits() {
		// given yen have no minor unit: 1000 JPY for 3 units, 2 accepted
		var lines = List.of(new RefundAmounts.Input("10", Money.of("1000", "JPY"), 3, 2));

		// when
		RefundAmounts.Result result = RefundAmounts.compute(lines, Money.of("0", "JPY"), Money.of("5000", "JPY"));

		// then
		assertThat(result.total()).isEqualTo(Money.of("667", "JPY"));
	}

	@Test
	void neverAcceptsMoreThanWasRequested() {
		// given the customer sent 3 but asked to return 2
		var lines = List.of(new RefundAmounts.Input("10", usd("50.00"), 2, 3));

		RefundAmounts.Result result = RefundAmounts.compute(lines, usd("0"), usd("1000"));

		assertThat(result.total()).isEqualTo(usd("50.00"));
		assertThat(result.lines().get(0).accepted()).isEqualTo(2);
	}

	@Test
	void creditMemoLinesAddUpToTheRefund() {
		// given fee and cap take 15.95 off two lines of 40.00 and 10.00
		var lines = List.of(new RefundAmounts.Input("10", usd("40.00"), 2, 2),
				new RefundAmounts.Input("20", usd("10.00"), 1, 1), new RefundAmounts.Input("30", usd("5.00"), 1, 0));
		RefundAmounts.Result result = RefundAmounts.compute(lines, usd("5.95"), usd("34.05"));

		// when
		var credit = InspectReturnStep.creditLines(result);

		// then only accepted lines are credited, the last ones reduced first, summing to the refund
		assertThat(credit).extracting(l -> l.lineNumber()).containsExactly("10", "20");
		assertThat(credit.get(1).amount()).isEqualTo(usd("0.00"));
		assertThat(credit.get(0).amount()).isEqualTo(usd("34.05"));
		assertThat(credit.get(0).amount().plus(credit.get(1).amount())).isEqualTo(result.total());
	}
}
