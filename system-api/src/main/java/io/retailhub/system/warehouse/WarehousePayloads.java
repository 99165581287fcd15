package io.retailhub.system.warehouse;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The WMS's JSON as the adapter reads it: only the fields the hub uses, every other field
 * ignored, so the WMS can add fields without breaking the hub.
 */
final class WarehousePayloads {

	private WarehousePayloads() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record Page<T>(List<T> data, Boolean hasMore, String nextCursor) {

		List<T> items() {
			return data == null ? List.of() : data;
		}

		/** The cursor of the next page, or null on the last one. */
		String next() {
			return Boolean.TRUE.equals(hasMore) && nextCursor != null && !nextCursor.isEmpty() ? nextCursor : null;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record Location(String locationId, String name, String type, String country) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record StockLevel(String locationId, String sku, int onHand, int reserved, int available) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record WmsShipment(String shipmentId, String orderNumber, String carrier, String trackingNumber, String status,
			Instant shippedAt, Instant deliveredAt, List<WmsShipmentLine> lines) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record WmsShipmentLine(String lineNumber, String sku, int quantity) {
	}

	/** One parcel's receipt: {@code lines} are this parcel's own counts, {@code sequence} its place among the RMA's. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record WmsReturnReceipt(String receiptId, String rmaNumber, String orderNumber, String warehouseId,
			Instant receivedAt, long sequence, List<WmsReturnReceiptLine> lines) {
	}

	/** A parcel received against an RMA at a location: {@code POST /rmas/{rma_number}/receipts}. */
	@JsonNaming(SnakeCaseStrategy.class)
	record WmsRmaReceipt(String warehouseId, List<WmsRmaReceiptLine> lines) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record WmsRmaReceiptLine(String lineNumber, int quantityReceived, int quantityDamaged, int quantityRejected) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonNaming(SnakeCaseStrategy.class)
	record WmsReturnReceiptLine(String lineNumber, String sku, int quantityExpected, int quantityReceived,
			int quantityDamaged, int quantityRejected) {
	}
}
