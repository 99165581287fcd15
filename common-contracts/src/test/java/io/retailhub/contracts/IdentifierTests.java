package io.retailhub.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IdentifierTests {

	@Test
	void trimsAndKeepsTheValue() {
		assertThat(OrderId.of(" WEB-100042 ").value()).isEqualTo("WEB-100042");
	}

	@Test
	void rejectsBlankOverlongAndControlCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrderId.of(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderId.of("x".repeat(65)));
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.of("17\n100001"));
	}

	@Test
	void acceptsTheIdentifierAlphabet() {
		assertThat(OrderId.of("WEB-100042").value()).isEqualTo("WEB-100042");
		assertThat(RefundId.of("re_3Nx9Yz").value()).isEqualTo("re_3Nx9Yz");
		assertThat(Sku.of("MAT-1001.v2:blue").value()).isEqualTo("MAT-1001.v2:blue");
		assertThat(Identifiers.isValid("refund-4f1c2a9e-1b7d-4c1e-9a65-0f6c3d2b1a00", Identifiers.MAX_KEY_LENGTH))
			.isTrue();
		assertThat(Identifiers.isValid("6b1e:return.close-case", Identifiers.MAX_KEY_LENGTH)).isTrue();
	}

	@Test
	void refusesWhatMeansSomethingInPathsHeadersOrFilters() {
		for (String bad : new String[] { "WEB/100042", "WEB\\100042", "..", "WEB..1", ".hidden", "-1", "WEB 1",
				"WEB%2F1", "WEB'1", "WEB\u0000", "WEB?x=1", "WEB#1", "zürich" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> OrderId.of(bad));
			assertThat(Identifiers.isValid(bad, Identifiers.MAX_KEY_LENGTH)).as(bad).isFalse();
		}
		assertThat(Identifiers.isValid("k".repeat(256), Identifiers.MAX_KEY_LENGTH)).isFalse();
		assertThat(Identifiers.isValid("", Identifiers.MAX_KEY_LENGTH)).isFalse();
	}

	@Test
	void distinctTypesForDistinctThings() {
		assertThat(OrderId.of("1")).isNotEqualTo(CustomerId.of("1"));
	}
}
