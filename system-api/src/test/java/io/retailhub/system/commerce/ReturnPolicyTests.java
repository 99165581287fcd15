package io.retailhub.system.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.ReturnReason;
import org.junit.jupiter.api.Test;

class ReturnPolicyTests {

	private final ReturnPolicy policy = new ReturnPolicy(30, Map.of("Electronics", 14), "final-sale",
			Map.of("ELECTRONICS", new BigDecimal("15.0")), Map.of("USD", Money.of("6.95", "USD")),
			Set.of(ReturnReason.DEFECTIVE), false);

	@Test
	void givesACategoryItsOwnWindowMatchedRegardlessOfCase() {
		assertThat(policy.windowDays("ELECTRONICS")).isEqualTo(14);
		assertThat(policy.windowDays("electronics")).isEqualTo(14);
	}

	@Test
	void givesOtherAndUnknownCategoriesTheDefaultWindow() {
		assertThat(policy.windowDays("APPAREL")).isEqualTo(30);
		assertThat(policy.windowDays(null)).isEqualTo(30);
	}

	@Test
	void turnsARestockingPercentageIntoARateAndChargesNoneWithoutOne() {
		assertThat(policy.restockingFeeRate("Electronics")).isEqualByComparingTo("0.15");
		assertThat(policy.restockingFeeRate("HOME")).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(policy.restockingFeeRate(null)).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void knowsTheReturnShippingFeeOnlyForCurrenciesItCharges() {
		assertThat(policy.returnShippingFee(Currency.getInstance("USD"))).contains(Money.of("6.95", "USD"));
		assertThat(policy.returnShippingFee(Currency.getInstance("EUR"))).isEmpty();
	}

	@Test
	void toleratesAPolicyThatStatesNoRules() {
		ReturnPolicy bare = new ReturnPolicy(0, null, null, null, null, null, false);

		assertThat(bare.windowDays("APPAREL")).isZero();
		assertThat(bare.restockingFeeRate("APPAREL")).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(bare.freeReturnReasons()).isEmpty();
	}
}
