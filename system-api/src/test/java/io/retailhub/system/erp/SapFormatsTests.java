package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SapFormatsTests {

	@Test
	void readsEdmDateTimeAsMillisecondsSinceTheEpoch() {
		assertThat(SapFormats.dateTime("/Date(1714521600000)/")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
	}

	@Test
	void readsEdmDateTimeOffsetAsUtcIgnoringTheDisplayOffset() {
		assertThat(SapFormats.dateTime("/Date(1714636800123+0000)/"))
			.isEqualTo(Instant.parse("2024-05-02T08:00:00.123Z"));
		assertThat(SapFormats.dateTime("/Date(1714636800123+0120)/"))
			.isEqualTo(Instant.parse("2024-05-02T08:00:00.123Z"));
	}

	@Test
	void readsEscapedSlashesAndDatesBeforeTheEpoch() {
		assertThat(SapFormats.dateTime("\\/Date(1714521600000)\\/")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
		assertThat(SapFormats.dateTime("/Date(-86400000)/")).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
	}

	@Test
	void readsAMissingDateAsNullAndRefusesAnythingElse() {
		assertThat(SapFormats.dateTime(null)).isNull();
		assertThat(SapFormats.dateTime("")).isNull();
		assertThatIllegalStateException().isThrownBy(() -> SapFormats.dateTime("2024-05-01T00:00:00Z"));
	}

	@Test
	void readsDecimalsSentAsStringsExactly() {
		assertThat(SapFormats.decimal("17.55")).isEqualTo(new BigDecimal("17.55"));
		assertThat(SapFormats.decimal("0.000")).isEqualByComparingTo(BigDecimal.ZERO);
		assertThatIllegalStateException().isThrownBy(() -> SapFormats.decimal("12,50"));
		assertThatIllegalStateException().isThrownBy(() -> SapFormats.decimal(null));
	}

	@Test
	void readsQuantitiesAsWholePieces() {
		assertThat(SapFormats.pieces("2")).isEqualTo(2);
		assertThat(SapFormats.pieces("2.000")).isEqualTo(2);
		assertThatIllegalStateException().isThrownBy(() -> SapFormats.pieces("1.5"));
	}

	@Test
	void writesDecimalsPlainAndQuotesLiteralsTheODataWay() {
		assertThat(SapFormats.plain(new BigDecimal("1E+2"))).isEqualTo("100");
		assertThat(SapFormats.eq("PurchaseOrderByCustomer", "O'Brien")).isEqualTo("PurchaseOrderByCustomer eq 'O''Brien'");
		assertThat(SapFormats.key("60'1")).isEqualTo("60''1");
	}
}
