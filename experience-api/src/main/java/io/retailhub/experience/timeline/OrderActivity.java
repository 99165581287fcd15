package io.retailhub.experience.timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest state of an order's returns, refunds and cases as the timeline last heard of them:
 * what a panel shows (marked STALE) when process-api or the CRM cannot answer.
 *
 * @param orderId the order
 * @param customerId its customer, null while unknown
 * @param returns each return, in the order they were requested
 * @param refunds each refund, in the order they were requested
 * @param cases each case, in the order they were opened
 * @param asOf when the timeline last recorded anything about the order; null when it knows nothing
 */
public record OrderActivity(String orderId, String customerId, List<ReturnState> returns, List<RefundState> refunds,
		List<CaseState> cases, Instant asOf) {

	/**
	 * @param status the latest return entry's kind without its prefix: REQUESTED, AUTHORIZED,
	 * DECLINED, RECEIVED, INSPECTED, EXPIRED, CANCELED, CLOSED
	 * @param rmaNumber the RMA, once authorized
	 * @param refundAmount what inspection found refundable, once inspected
	 */
	public record ReturnState(UUID returnId, String status, String rmaNumber, BigDecimal refundAmount, String currency,
			Instant updatedAt) {
	}

	/** @param status REQUESTED, QUEUED, POSTED or FAILED */
	public record RefundState(UUID refundId, UUID returnId, String status, BigDecimal amount, String currency,
			Instant updatedAt) {
	}

	/** @param status OPENED, COMMENTED, UPDATED or CLOSED: the latest entry about the case */
	public record CaseState(String caseId, String caseNumber, UUID returnId, String status, Instant updatedAt) {
	}

}
