package io.retailhub.experience.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.contracts.Money;
import io.retailhub.experience.downstream.ProcessReturn;

/**
 * A return as its shopper sees it.
 *
 * @param status REQUESTED, APPROVED (with {@code rmaNumber} and {@code shipBy}), ON_THE_WAY (the
 * parcel handed to a carrier, with {@code parcel}), RECEIVED, REFUND_ISSUED (with {@code refund}),
 * NEEDS_ATTENTION (we are looking into it), or how it ended otherwise: DECLINED, CANCELED,
 * EXPIRED, CLOSED (received, nothing to refund).
 * @param parcel the carrier, tracking code and hand-over time of the parcel, once recorded
 * @param canCancel whether {@code POST .../cancellation} would be taken now
 */
record ShopperReturn(UUID id, String returnNumber, String orderId, String status, String rmaNumber, Instant shipBy,
		Parcel parcel, List<Line> lines, Money estimatedRefund, Refund refund, boolean canCancel, Instant requestedAt,
		Instant updatedAt) {

	/** The parcel on its way back, as the shopper recorded it. */
	record Parcel(String carrier, String trackingCode, Instant shippedAt) {
	}

	record Line(String lineNumber, String sku, int quantity, String reason) {
	}

	/** The refund issued: its amount and when. */
	record Refund(Money amount, Instant issuedAt) {
	}

	static ShopperReturn of(ProcessReturn found) {
		String status = status(found);
		Refund refund = "REFUND_ISSUED".equals(status) ? new Refund(found.refundAmount(),
				found.closedAt() != null ? found.closedAt() : found.updatedAt()) : null;
		return new ShopperReturn(found.id(), found.returnNumber(), found.orderId(), status, found.rmaNumber(),
				"APPROVED".equals(status) ? found.expiresAt() : null,
				found.parcel() == null ? null
						: new Parcel(found.parcel().carrier(), found.parcel().trackingCode(), found.parcel().shippedAt()),
				found.lines().stream().map(l -> new Line(l.lineNumber(), l.sku(), l.quantity(), l.reason())).toList(),
				found.estimatedRefund(), refund, found.cancelable(), found.requestedAt(), found.updatedAt());
	}

	static String status(ProcessReturn found) {
		return switch (found.status() == null ? "" : found.status()) {
			case "REQUESTED" -> "REQUESTED";
			case "AUTHORIZED" -> found.onItsWay() ? "ON_THE_WAY" : "APPROVED";
			case "PARTIALLY_RECEIVED", "RECEIVED", "INSPECTED", "REFUNDING" -> "RECEIVED";
			case "CLOSED" -> found.refundAmount() != null && found.refundAmount().amount().signum() > 0
					? "REFUND_ISSUED" : "CLOSED";
			case "DECLINED" -> "DECLINED";
			case "CANCELED" -> "CANCELED";
			case "EXPIRED" -> "EXPIRED";
			default -> "NEEDS_ATTENTION";
		};
	}
}
