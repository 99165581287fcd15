package io.retailhub.sandbox.backends.erp;

import java.util.Map;

/**
 * The tenant's order reasons: the header's {@code SDDocumentReason} ("Order Reason", String(3)) of
 * sales documents, a code list of its own (SAP customizing, table TVAU), not the items'
 * {@code ReturnReason}. The codes are this tenant's customizing: 001 damaged in transit, 002 poor
 * quality, 003 wrong material delivered, 004 not as described, 005 no longer wanted, 009 credit
 * for a return (the code seen on a real tenant's credit memo request), 099 other.
 */
final class OrderReasons {

	static final Map<String, String> CODES = Map.of("001", "Damaged in transit", "002", "Poor quality", "003",
			"Wrong material delivered", "004", "Not as described", "005", "No longer wanted", "009",
			"Credit for a return", "099", "Other");

	static final String FIELD = "SDDocumentReason";

	private OrderReasons() {
	}

	/** The header's order reason: empty, or one the tenant defined; else a 400 naming the field. */
	static String of(DeepInsert header) {
		String reason = header.value(FIELD);
		if (!reason.isEmpty() && !CODES.containsKey(reason)) {
			throw ODataException.invalid("V1/045", "Order reason " + reason + " is not defined", FIELD);
		}
		return reason;
	}
}
