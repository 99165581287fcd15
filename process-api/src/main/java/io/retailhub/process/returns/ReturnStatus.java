package io.retailhub.process.returns;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a return is. REQUESTED until judged and given an RMA; DECLINED, EXPIRED, CANCELED and
 * CLOSED are final; REQUIRES_ACTION waits for a person, who can send it back where it was.
 */
public enum ReturnStatus {

	REQUESTED, AUTHORIZED, DECLINED, PARTIALLY_RECEIVED, RECEIVED, INSPECTED, REFUNDING, CLOSED, EXPIRED, CANCELED,
	REQUIRES_ACTION;

	private static final Set<ReturnStatus> FINAL = EnumSet.of(DECLINED, CLOSED, EXPIRED, CANCELED);

	public boolean isFinal() {
		return FINAL.contains(this);
	}
}
