package io.retailhub.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void roundsToTheCurrencysMinorDigits() {
		assertThat(Money.of("10.005", "USD").amount()).isEqualByComparingTo("10.01");
		assertThat(Money.of("10.005", "USD").amount().scale()).isEqualTo(2);
		assertThat(Money.of("1500.4", "JPY").amount()).isEqualByComparingTo("1500");
		assertThat(Money.of("1.0005", "KWD").amount()).isEqualByComparingTo("1.001");
	}

	@Test
	void equalSumsAreEqualWhateverScaleTheyCameIn() {
		assertThat(Money.of("10.5", "EUR")).isEqualTo(Money.of("10.50", "EUR"));
	}

	@Test
	void convertsToAndFromMinorUnits() {
		assertThat(Money.of("25.00", "USD").toMinorUnits()).isEqualTo(2500);
		assertThat(Money.of("500", "JPY").toMinorUnits()).isEqualTo(500);
		assertThat(Money.ofMinor(2599, "eur")).isEqualTo(Money.of("25.99", "EUR"));
	}

	@Test
	void sharesALineProRataRoundingOnce() {
		Money line = Money.of("100.00", "USD");
		assertThat(line.share(1, 3)).isEqualTo(Money.of("33.33", "USD"));
		assertThat(line.share(2, 3)).isEqualTo(Money.of("66.67", "USD"));
		assertThat(line.share(3, 3)).isEqualTo(line);
	}

	@Test
	void refusesToMixCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
			.withMessageContaining("USD");
	}

	@Test
	void rejectsUnknownCurrencyCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "XYZ")).withMessageContaining("XYZ");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "US"));
	}

	@Test
	void arithmeticKeepsTheCurrency() {
		Money total = Money.of("19.99", "USD").times(3).minus(Money.of("5.00", "USD"));
		assertThat(total).isEqualTo(Money.of("54.97", "USD"));
		assertThat(Money.of("80.00", "USD").times(new BigDecimal("0.15"))).isEqualTo(Money.of("12.00", "USD"));
	}

	@Test
	void exactRefusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.exact(new BigDecimal("1.00001"), Money.currency("USD")))
			.withMessageContaining("at most 2 decimals in USD");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.exact(new BigDecimal("1500.5"), Money.currency("JPY")));
		assertThat(Money.exact(new BigDecimal("1.50000"), Money.currency("USD"))).isEqualTo(Money.of("1.50", "USD"));
		assertThat(Money.exact(new BigDecimal("1.001"), Money.currency("KWD")).amount()).isEqualByComparingTo("1.001");
		assertThat(Money.exact(new BigDecimal("1E+2"), Money.currency("EUR")).amount().scale()).isEqualTo(2);
	}

	@Test
	void refusesAmountsThatWouldNotFitInMinorUnits() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("99999999999999999999", "USD"))
			.withMessageContaining("15 digits before the decimal point");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1e308", "USD"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("-1e308", "USD"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("999999999999999.999", "USD"));
		Money largest = Money.of("999999999999999.999", "KWD");
		assertThat(largest.toMinorUnits()).isEqualTo(999_999_999_999_999_999L);
		assertThatIllegalArgumentException().isThrownBy(() -> largest.plus(Money.of("0.001", "KWD")));
	}

	@Test
	void refusesExtremeExponentsWithoutComputingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1e999999999", "USD"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1e-999999999", "USD"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Money.exact(new BigDecimal("1e-999999999"), Money.currency("USD")));
		assertThat(Money.of("0e999999999", "USD")).isEqualTo(Money.zero(Money.currency("USD")));
	}
}
