package io.retailhub.experience.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Money;

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
	 * @param status the latest return event's fact: REQUESTED, AUTHORIZED, DECLINED, RECEIVED,
	 * INSPECTED, REFUNDING (inspected, its refund not posted yet), EXPIRED, CANCELED, CLOSED
	 * @param channel PORTAL, AGENT or STORE, once the request was seen
	 * @param rmaNumber the RMA, once authorized
	 * @param caseId the CRM case, once known
	 * @param expiresAt when an authorized return expires
	 * @param estimatedRefund the policy's estimate at authorization
	 * @param refundAmount what inspection found refundable, once inspected
	 * @param lines the lines asked for
	 * @param requestedBy who asked for it ({@code agent:agent.ava}), when the event said
	 * @param closedAt when it ended (closed, declined, expired or canceled)
	 * @param parcel the parcel on its way back, once {@code return.shipped} told it (the status stays)
	 */
	public record ReturnState(UUID returnId, String status, String channel, String rmaNumber, String caseId,
			Instant expiresAt, Money estimatedRefund, Money refundAmount, List<Line> lines, String requestedBy,
			Instant requestedAt, Instant updatedAt, Instant closedAt, Parcel parcel) {

		public record Parcel(String carrier, String trackingCode, Instant shippedAt) {
		}

		public record Line(String lineNumber, String sku, int quantity, String reason) {
		}

	}

	/** @param status REQUESTED, QUEUED, POSTED or FAILED */
	public record RefundState(UUID refundId, UUID returnId, String status, Money amount, Instant updatedAt) {
	}

	/** @param status OPENED, COMMENTED, UPDATED or CLOSED: the latest entry about the case */
	public record CaseState(String caseId, String caseNumber, UUID returnId, String status, Instant updatedAt) {
	}

}
