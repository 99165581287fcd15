package io.retailhub.system.erp;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.retailhub.contracts.ReturnReason;

/**
 * The hub's return reasons in the tenant's two code lists: the item's {@code ReturnReason} (three
 * characters, customizing of advanced returns) and the header's {@code SDDocumentReason}, the
 * order reason (three characters, customizing of sales documents). They are different lists: an
 * item's code is no order reason. Both are configurable ({@link ErpSettings}); a reason not
 * configured takes the default below. A return whose lines give different order reasons takes the
 * order reason of {@link ReturnReason#OTHER}. An item code the hub does not know, such as one
 * entered by hand in ERP, reads as {@link ReturnReason#OTHER}.
 *
 * <p>Defaults: items 101 defective, 102 damaged, 103 wrong item, 104 not as described, 105 too
 * large, 106 too small, 107 color, 108 style, 109 no longer wanted, 199 other; order reasons 002
 * poor quality (defective), 001 damaged in transit, 003 wrong material, 004 not as described, 005
 * no longer wanted (size, color, style, unwanted), 099 other.
 */
final class ReturnReasonCodes {

	private static final Map<ReturnReason, String> ITEM_DEFAULTS = Map.of(ReturnReason.DEFECTIVE, "101",
			ReturnReason.DAMAGED, "102", ReturnReason.WRONG_ITEM, "103", ReturnReason.NOT_AS_DESCRIBED, "104",
			ReturnReason.SIZE_TOO_LARGE, "105", ReturnReason.SIZE_TOO_SMALL, "106", ReturnReason.COLOR, "107",
			ReturnReason.STYLE, "108", ReturnReason.UNWANTED, "109", ReturnReason.OTHER, "199");

	private static final Map<ReturnReason, String> ORDER_REASON_DEFAULTS = Map.of(ReturnReason.DEFECTIVE, "002",
			ReturnReason.DAMAGED, "001", ReturnReason.WRONG_ITEM, "003", ReturnReason.NOT_AS_DESCRIBED, "004",
			ReturnReason.SIZE_TOO_LARGE, "005", ReturnReason.SIZE_TOO_SMALL, "005", ReturnReason.COLOR, "005",
			ReturnReason.STYLE, "005", ReturnReason.UNWANTED, "005", ReturnReason.OTHER, "099");

	private final Map<ReturnReason, String> itemCodes;

	private final Map<ReturnReason, String> orderReasons;

	/**
	 * @throws IllegalArgumentException for a code that is blank or longer than three characters, or
	 * an item code given to two reasons (it could not be read back)
	 */
	ReturnReasonCodes(Map<ReturnReason, String> itemCodes, Map<ReturnReason, String> orderReasons) {
		this.itemCodes = withDefaults(itemCodes, ITEM_DEFAULTS, "return reason");
		this.orderReasons = withDefaults(orderReasons, ORDER_REASON_DEFAULTS, "order reason");
		Set<String> distinct = new HashSet<>(this.itemCodes.values());
		if (distinct.size() != this.itemCodes.size()) {
			throw new IllegalArgumentException("ERP return reason codes must differ per reason: " + this.itemCodes);
		}
	}

	/** The item's {@code ReturnReason} code of a hub reason. */
	String code(ReturnReason reason) {
		return itemCodes.get(reason);
	}

	/** The hub reason of an item's {@code ReturnReason} code; {@link ReturnReason#OTHER} for one not configured. */
	ReturnReason reason(String code) {
		return itemCodes.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(code))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(ReturnReason.OTHER);
	}

	/** The header's {@code SDDocumentReason} of a return whose lines give these reasons. */
	String orderReason(Collection<ReturnReason> reasons) {
		Set<String> codes = new HashSet<>();
		reasons.forEach(r -> codes.add(orderReasons.get(r)));
		return codes.size() == 1 ? codes.iterator().next() : orderReasons.get(ReturnReason.OTHER);
	}

	private static Map<ReturnReason, String> withDefaults(Map<ReturnReason, String> configured,
			Map<ReturnReason, String> defaults, String what) {
		Map<ReturnReason, String> codes = new EnumMap<>(defaults);
		codes.putAll(configured);
		codes.forEach((reason, code) -> {
			if (code == null || code.isBlank() || code.strip().length() > 3) {
				throw new IllegalArgumentException("ERP " + what + " for " + reason + " must be one to three characters");
			}
		});
		codes.replaceAll((reason, code) -> code.strip());
		return Map.copyOf(codes);
	}
}
