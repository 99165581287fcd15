package io.retailhub.system.erp;

import java.util.EnumMap;
import java.util.Map;

import io.retailhub.contracts.ReturnReason;

/**
 * The tenant's return reason customizing ({@code ReturnReason}, three characters) against the
 * hub's vocabulary. A code the hub does not know, such as one entered by hand in ERP, reads as
 * {@link ReturnReason#OTHER}.
 */
final class ReturnReasonCodes {

	private static final Map<ReturnReason, String> CODES = new EnumMap<>(Map.of(ReturnReason.DEFECTIVE, "101",
			ReturnReason.DAMAGED, "102", ReturnReason.WRONG_ITEM, "103", ReturnReason.NOT_AS_DESCRIBED, "104",
			ReturnReason.SIZE_TOO_LARGE, "105", ReturnReason.SIZE_TOO_SMALL, "106", ReturnReason.COLOR, "107",
			ReturnReason.STYLE, "108", ReturnReason.UNWANTED, "109", ReturnReason.OTHER, "199"));

	private ReturnReasonCodes() {
	}

	static String code(ReturnReason reason) {
		return CODES.get(reason);
	}

	static ReturnReason reason(String code) {
		return CODES.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(code))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(ReturnReason.OTHER);
	}
}
