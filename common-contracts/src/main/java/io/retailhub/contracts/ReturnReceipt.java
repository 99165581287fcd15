package io.retailhub.contracts;

import java.time.Instant;
import java.util.List;

import io.retailhub.contracts.events.ReturnReceived;

/**
 * A parcel the warehouse received for an RMA, as the warehouse keeps it: its place among the
 * RMA's receipts ({@code sequence}, 1 for the first parcel) and, per order line, the RMA's running
 * totals as of this receipt (this parcel and every earlier one), the same counts a
 * {@link ReturnReceived} event carries. The receipt with the highest sequence therefore says
 * everything the warehouse received for the RMA.
 */
public record ReturnReceipt(String receiptId, ReturnAuthorizationId rmaNumber, OrderId orderId, String warehouseId,
		long sequence, Instant receivedAt, List<ReturnReceived.Line> totals) {

	public ReturnReceipt {
		totals = List.copyOf(totals);
	}

	/** The event this receipt would have been announced with. */
	public ReturnReceived asEvent(Instant occurredAt) {
		return new ReturnReceived(rmaNumber, orderId, receiptId, warehouseId, totals, receivedAt, occurredAt);
	}
}
