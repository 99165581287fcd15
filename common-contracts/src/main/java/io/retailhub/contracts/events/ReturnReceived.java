package io.retailhub.contracts.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.Sku;

/**
 * The warehouse received a parcel for an RMA. Published by system-api from the WMS webhook,
 * after checking its signature, once per {@code receiptId} however often the WMS redelivers it.
 * system-api does not know the hub's return ID: consumers find the return by
 * {@code rmaNumber}, and must accept a receipt for an RMA they do not know yet (the webhook can
 * overtake the return's own events). {@code receivedAt} is the warehouse's time of receipt,
 * {@code occurredAt} when the hub recorded it. {@code warehouseId} is absent when the WMS did
 * not say.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnReceived(ReturnAuthorizationId rmaNumber, OrderId orderId, String receiptId, String warehouseId,
		List<Line> lines, Instant receivedAt, Instant occurredAt) implements DomainEvent {

	public ReturnReceived {
		Checks.present(rmaNumber, "rmaNumber");
		Checks.present(orderId, "orderId");
		Checks.text(receiptId, "receiptId");
		lines = Checks.nonEmpty(lines, "lines");
		Checks.present(receivedAt, "receivedAt");
		Checks.present(occurredAt, "occurredAt");
	}

	@Override
	public String aggregate() {
		return "rmas/" + rmaNumber;
	}

	/**
	 * What arrived for one order line. Damaged and rejected units are among the received ones
	 * (so {@code quantityDamaged + quantityRejected <= quantityReceived}); the rest can go back to
	 * stock. {@code quantityReceived < quantityExpected} means a partial receipt.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(String lineNumber, Sku sku, int quantityExpected, int quantityReceived, int quantityDamaged,
			int quantityRejected) {

		public Line {
			Checks.text(lineNumber, "lineNumber");
			Checks.present(sku, "sku");
			Checks.notNegative(quantityExpected, "quantityExpected");
			Checks.notNegative(quantityReceived, "quantityReceived");
			Checks.notNegative(quantityDamaged, "quantityDamaged");
			Checks.notNegative(quantityRejected, "quantityRejected");
			if (quantityDamaged + quantityRejected > quantityReceived) {
				throw new IllegalArgumentException("damaged plus rejected units exceed the units received");
			}
		}
	}
}
