package io.retailhub.process.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.retailhub.contracts.CaseId;
import io.retailhub.contracts.CaseStatus;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.events.CaseUpdated;

/**
 * Events about a fresh case of a fresh order, for outbox tests: {@value io.retailhub.contracts.events.Topics#CASES}
 * is a topic process-api publishes but does not consume, so test events disturb no domain listener.
 */
public final class CaseEvents {

	private final CaseId caseId = CaseId.of("500TEST" + UUID.randomUUID().toString().replace("-", "").substring(0, 11));

	private final OrderId orderId = OrderId.of("WEB-T" + UUID.randomUUID().toString().substring(0, 8));

	public static CaseEvents ofANewCase() {
		return new CaseEvents();
	}

	public CaseUpdated noted(String comment) {
		return new CaseUpdated(this.caseId, "return-" + this.caseId, this.orderId, CaseStatus.WORKING, comment, false,
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	public OrderId orderId() {
		return this.orderId;
	}

	/** The ce_subject of this case's events. */
	public String aggregate() {
		return "cases/" + this.caseId;
	}

}
