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
}
