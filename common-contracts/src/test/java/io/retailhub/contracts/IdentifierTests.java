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
	void distinctTypesForDistinctThings() {
		assertThat(OrderId.of("1")).isNotEqualTo(CustomerId.of("1"));
	}
}
