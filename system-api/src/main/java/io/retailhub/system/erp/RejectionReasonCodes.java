package io.retailhub.system.erp;

import java.util.EnumMap;
import java.util.Map;

import io.retailhub.contracts.ReturnAuthorizationCancelReason;

/**
 * The tenant's reasons for rejection ({@code SalesDocumentRjcnReason}, two characters) the hub
 * cancels customer return items with. They are customizing of the tenant, not SAP standard
 * values: {@code Z1} "return canceled by the customer", {@code Z2} "return not received in time".
 */
final class RejectionReasonCodes {

	private static final Map<ReturnAuthorizationCancelReason, String> CODES = new EnumMap<>(
			Map.of(ReturnAuthorizationCancelReason.CANCELED_BY_CUSTOMER, "Z1", ReturnAuthorizationCancelReason.EXPIRED,
					"Z2"));

	private RejectionReasonCodes() {
	}

	static String code(ReturnAuthorizationCancelReason reason) {
		return CODES.get(reason);
	}
}
