package io.retailhub.system.cases;

import io.retailhub.contracts.Identifier;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/** {@code ?customerId=...&orderId=...&externalId=...}: at least one; given together, all must match. */
record CaseSearch(@Size(min = 1, max = 64) @Identifier String customerId,
		@Size(min = 1, max = 64) @Identifier String orderId, @Size(min = 1, max = 64) @Identifier String externalId) {

	@AssertTrue(message = "give a customerId, an orderId or an externalId")
	boolean isCustomerIdOrOrderIdOrExternalId() {
		return customerId != null || orderId != null || externalId != null;
	}
}
