package io.retailhub.experience.downstream;

import java.util.List;

import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.events.Disposition;

/**
 * An in-store return to start at the process API: the store is the staff member's, set by
 * experience-api from their token, never by the caller.
 *
 * @param lines each with the staff's inspection: the item's {@code condition} (NEW, OPENED, USED,
 * DAMAGED, DEFECTIVE) and what becomes of its units
 */
public record NewStoreReturn(String orderId, String storeId, List<Line> lines) {

	public record Line(String lineNumber, int quantity, ReturnReason reason, String condition,
			Disposition disposition) {
	}
}
