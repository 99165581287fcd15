package io.retailhub.sandbox.backends.warehouse;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The WMS wire format: snake_case JSON, ISO-8601 UTC timestamps, lists in a cursor envelope and
 * errors as {@code {"error":{"code","message","errors":[...]}}}.
 */
final class WarehousePayloads {

	private WarehousePayloads() {
	}

	/** Every list: one page of {@code data}, and the cursor for the next page when there is one. */
	@JsonNaming(SnakeCaseStrategy.class)
	record ListResponse<T>(List<T> data, boolean hasMore, String nextCursor) {
	}

	/** {@code type} is {@code distribution_center} or {@code store}; {@code erp_plant} links to the ERP. */
	@JsonNaming(SnakeCaseStrategy.class)
	record LocationResponse(String locationId, String name, String type, String country, String erpPlant) {
	}

	/** {@code available} = {@code on_hand} - {@code reserved}, never below zero. */
	@JsonNaming(SnakeCaseStrategy.class)
	record StockLevelResponse(String locationId, String sku, int onHand, int reserved, int available) {
	}

	/**
	 * A parcel. {@code status} is one of pre_transit, in_transit, out_for_delivery, delivered,
	 * return_to_sender, failure; {@code delivered_at} is null until delivered.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record ShipmentResponse(String shipmentId, String orderNumber, String warehouseId, String carrier,
			String trackingNumber, String status, Instant shippedAt, Instant deliveredAt,
			List<ShipmentLineResponse> lines) {
	}

	/** {@code line_number} is the order's item number ("10", "20", ...). */
	@JsonNaming(SnakeCaseStrategy.class)
	record ShipmentLineResponse(String lineNumber, String sku, int quantity) {
	}

	/**
	 * One parcel that arrived back for an RMA. {@code warehouse_id} is optional: by default the
	 * parcel is received where its first line shipped from (or the plant's distribution center).
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnReceiptRequest(@NotBlank @Size(max = 35) String rmaNumber, @NotBlank @Size(max = 35) String orderNumber,
			@Size(max = 20) String warehouseId,
			@NotEmpty @Size(max = 100) List<@NotNull @Valid ReturnReceiptLineRequest> lines) {
	}

	/**
	 * One received order line. Damaged and rejected units are part of {@code quantity_received}
	 * and do not go back to stock; the damaged and rejected quantities default to zero.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnReceiptLineRequest(@NotBlank @Size(max = 6) String lineNumber, @NotBlank @Size(max = 40) String sku,
			@NotNull @Min(0) @Max(10_000) Integer quantityExpected, @NotNull @Min(0) @Max(10_000) Integer quantityReceived,
			@Min(0) @Max(10_000) Integer quantityDamaged, @Min(0) @Max(10_000) Integer quantityRejected) {

		int damaged() {
			return quantityDamaged == null ? 0 : quantityDamaged;
		}

		int rejected() {
			return quantityRejected == null ? 0 : quantityRejected;
		}
	}

	/**
	 * A parcel received against an RMA the WMS knows from ERP (an in-store return handed over at a
	 * store's counter, say): where it was received and what was counted per order line. The SKU and
	 * the units expected come from the RMA; damaged and rejected units are among the received ones
	 * and default to zero.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record RmaReceiptRequest(@NotBlank @Size(max = 20) String warehouseId,
			@NotEmpty @Size(max = 100) List<@NotNull @Valid RmaReceiptLineRequest> lines) {
	}

	@JsonNaming(SnakeCaseStrategy.class)
	record RmaReceiptLineRequest(@NotBlank @Size(max = 6) String lineNumber,
			@NotNull @Min(0) @Max(10_000) Integer quantityReceived, @Min(0) @Max(10_000) Integer quantityDamaged,
			@Min(0) @Max(10_000) Integer quantityRejected) {
	}

	/**
	 * One received parcel. {@code sequence} numbers the receipts of one RMA: 1 for its first parcel,
	 * 2 for the next, and so on.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnReceiptResponse(String receiptId, String rmaNumber, String orderNumber, String warehouseId,
			Instant receivedAt, long sequence, List<ReturnReceiptLineResponse> lines) {
	}

	/** {@code quantity_restocked} = received - damaged - rejected: the units put back on hand. */
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnReceiptLineResponse(String lineNumber, String sku, int quantityExpected, int quantityReceived,
			int quantityDamaged, int quantityRejected, int quantityRestocked) {
	}

	/**
	 * The {@code data} of a {@code return_receipt.created} webhook event: the receipt, its
	 * {@code sequence} within the RMA and, per order line, the RMA's running totals as of this
	 * receipt (this parcel and every earlier one). The event with the highest sequence of an RMA
	 * therefore says all there is to say, and an older one arriving late is simply stale; one
	 * parcel's own counts are at {@code GET /warehouse/api/v1/return-receipts/{receipt_id}}.
	 */
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnReceiptEvent(String receiptId, String rmaNumber, String orderNumber, String warehouseId,
			Instant receivedAt, long sequence, List<ReturnReceiptEventLine> lines) {
	}

	/** The RMA's totals for one order line; damaged and rejected units are among the received ones. */
	@JsonNaming(SnakeCaseStrategy.class)
	record ReturnReceiptEventLine(String lineNumber, String sku, int quantityExpected, int quantityReceived,
			int quantityDamaged, int quantityRejected) {
	}

	record ErrorResponse(ErrorBody error) {
	}

	record ErrorBody(String code, String message, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldProblem> errors) {
	}

	/** One field at fault; {@code field} is the JSON path in snake_case, e.g. {@code lines[0].sku}. */
	record FieldProblem(String field, String code, String message) {
	}
}
