package io.retailhub.system.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.retailhub.contracts.ReturnReason;
import org.junit.jupiter.api.Test;

class ReturnReasonCodesTests {

	final ReturnReasonCodes defaults = new ReturnReasonCodes(Map.of(), Map.of());

	@Test
	void givesEveryReturnReasonItsOwnItemCodeAndReadsUnknownCodesAsOther() {
		List<String> codes = Arrays.stream(ReturnReason.values()).map(defaults::code).toList();

		assertThat(codes).doesNotContainNull().doesNotHaveDuplicates().allMatch(c -> c.length() <= 3);
		Arrays.stream(ReturnReason.values()).forEach(r -> assertThat(defaults.reason(defaults.code(r))).isEqualTo(r));
		assertThat(defaults.reason("Z42")).isEqualTo(ReturnReason.OTHER);
	}

	@Test
	void fillsTheHeadersOrderReasonFromItsOwnCodeListNotFromAnItemsReturnReason() {
		List<String> itemCodes = Arrays.stream(ReturnReason.values()).map(defaults::code).toList();

		for (ReturnReason reason : ReturnReason.values()) {
			assertThat(defaults.orderReason(List.of(reason))).hasSizeBetween(1, 3).isNotIn(itemCodes);
		}
		assertThat(defaults.orderReason(List.of(ReturnReason.DAMAGED))).isEqualTo("001");
		assertThat(defaults.orderReason(List.of(ReturnReason.DEFECTIVE))).isEqualTo("002");
		assertThat(defaults.orderReason(List.of(ReturnReason.SIZE_TOO_SMALL, ReturnReason.COLOR))).isEqualTo("005");
	}

	@Test
	void givesAReturnWhoseLinesDisagreeTheOrderReasonOfOther() {
		assertThat(defaults.orderReason(List.of(ReturnReason.DAMAGED, ReturnReason.UNWANTED)))
			.isEqualTo(defaults.orderReason(List.of(ReturnReason.OTHER)))
			.isEqualTo("099");
	}

	@Test
	void takesTheTenantsCodesWhereConfiguredAndTheDefaultsElsewhere() {
		ReturnReasonCodes tenant = new ReturnReasonCodes(Map.of(ReturnReason.DAMAGED, "T02"),
				Map.of(ReturnReason.DAMAGED, "Z01", ReturnReason.OTHER, "Z99"));

		assertThat(tenant.code(ReturnReason.DAMAGED)).isEqualTo("T02");
		assertThat(tenant.reason("T02")).isEqualTo(ReturnReason.DAMAGED);
		assertThat(tenant.code(ReturnReason.DEFECTIVE)).isEqualTo("101");
		assertThat(tenant.orderReason(List.of(ReturnReason.DAMAGED))).isEqualTo("Z01");
		assertThat(tenant.orderReason(List.of(ReturnReason.DAMAGED, ReturnReason.DEFECTIVE))).isEqualTo("Z99");
	}

	@Test
	void refusesCodesThatCannotBeReadBackOrDoNotFitTheField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnReasonCodes(Map.of(ReturnReason.DAMAGED, "101"), Map.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnReasonCodes(Map.of(), Map.of(ReturnReason.OTHER, "OTHER")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReturnReasonCodes(Map.of(ReturnReason.OTHER, " "), Map.of()));
	}
}
