package io.retailhub.system.returnreceipts;

import java.util.List;

import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.system.warehouse.WarehouseAdapter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the warehouse received for an RMA, read from the WMS itself. The warehouse announces each
 * receipt by webhook; this read is how a caller checks that it heard of every one (process-api's
 * sweep does, for returns that wait for a parcel longer than usual).
 */
@RestController
@RequestMapping("/api/system/v1/return-receipts")
@Tag(name = "Return receipts", description = "Parcels the warehouse received for an RMA")
class ReturnReceiptController {

	private final WarehouseAdapter warehouse;

	ReturnReceiptController(WarehouseAdapter warehouse) {
		this.warehouse = warehouse;
	}

	@GetMapping
	@Operation(summary = "An RMA's receipts, first to last, each with the RMA's running totals per order line",
			description = "Empty when the warehouse received nothing for the RMA (or does not know it).")
	List<ReturnReceipt> receiptsOfRma(@RequestParam ReturnAuthorizationId rmaNumber) {
		return warehouse.findReturnReceipts(rmaNumber);
	}
}
