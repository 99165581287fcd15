package io.retailhub.process.returns;

import java.util.List;
import java.util.Map;

import io.retailhub.contracts.ReturnDeclineReason;
import io.retailhub.contracts.ReturnLineEvaluation;
import io.retailhub.contracts.ReturnPolicyEvaluation;
import io.retailhub.contracts.Sku;
import org.junit.jupiter.api.Test;

import static io.retailhub.process.returns.ReturnFixtures.NOW;
import static io.retailhub.process.returns.ReturnFixtures.ORDER;
import static io.retailhub.process.returns.ReturnFixtures.deliveredOrder;
import static io.retailhub.process.returns.ReturnFixtures.eligible;
import static io.retailhub.process.returns.ReturnFixtures.line;
import static io.retailhub.process.returns.ReturnFixtures.rma;
import static io.retailhub.process.returns.ReturnFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

class ReturnEligibilityTests {

	@Test
	void acceptsWhatThePolicyAcceptsWhenNothingElseIsOpen() {
		List<LineVerdict> verdicts = ReturnEligibility.judge(List.of(line("10", 2)), deliveredOrder(),
				eligible(Map.of("10", 2)), List.of(), List.of());

		assertThat(verdicts).singleElement().satisfies(v -> {
			assertThat(v.eligible()).isTrue();
			assertThat(v.refundableAmount()).isEqualTo(usd("80.00"));
		});
	}

	@Test
	void declinesWhatAnOpenReturnWithoutRmaAlreadyClaims() {
		// given another hub return of 1 unit of line 10 that ERP does not know yet
		var open = new ReturnEligibility.OpenReturn("RH-00000007", Map.of("10", 1));

		// when asking for both delivered units again
		List<LineVerdict> verdicts = ReturnEligibility.judge(List.of(line("10", 2)), deliveredOrder(),
				eligible(Map.of("10", 2)), List.of(), List.of(open));

		// then
		assertThat(verdicts).singleElement().satisfies(v -> {
			assertThat(v.eligible()).isFalse();
			assertThat(v.declineReason()).isEqualTo(ReturnDeclineReason.QUANTITY_EXCEEDED);
			assertThat(v.message()).contains("At most 1");
		});
	}

	@Test
	void doesNotCountAnOpenReturnTwiceOnceErpHasItsRma() {
		// given the other return's RMA is in ERP (and counted there)
		var open = new ReturnEligibility.OpenReturn("RH-00000007", Map.of("10", 1));
		var rmas = List.of(rma("RH-00000007", "10", 1));

		// when asking for the last unit
		List<LineVerdict> verdicts = ReturnEligibility.judge(List.of(line("10", 1)), deliveredOrder(),
				eligible(Map.of("10", 1)), rmas, List.of(open));

		// then
		assertThat(verdicts).singleElement().satisfies(v -> assertThat(v.eligible()).isTrue());
	}

	@Test
	void keepsThePolicysReasonAndMessage() {
		ReturnPolicyEvaluation finalSale = new ReturnPolicyEvaluation(ORDER, false,
				List.of(new ReturnLineEvaluation("20", Sku.of("SKU-B"), "HOME", 1, false, ReturnDeclineReason.FINAL_SALE,
						"final sale", NOW, null, null, usd("0"), 1)),
				usd("0"), usd("0"));

		List<LineVerdict> verdicts = ReturnEligibility.judge(List.of(line("20", 1)), deliveredOrder(), finalSale,
				List.of(), List.of());

		assertThat(verdicts).singleElement().satisfies(v -> {
			assertThat(v.declineReason()).isEqualTo(ReturnDeclineReason.FINAL_SALE);
			assertThat(v.message()).isEqualTo(ReturnDeclineReason.FINAL_SALE.customerMessage());
		});
	}

	@Test
	void declinesALineThePolicyDoesNotKnow() {
		List<LineVerdict> verdicts = ReturnEligibility.judge(List.of(line("99", 1)), deliveredOrder(),
				eligible(Map.of("10", 1)), List.of(), List.of());

		assertThat(verdicts).singleElement()
			.satisfies(v -> assertThat(v.declineReason()).isEqualTo(ReturnDeclineReason.UNKNOWN_LINE));
	}
}
