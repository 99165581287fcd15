package io.retailhub.system.returnreceipts;

import java.net.URI;
import java.util.List;

import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.contracts.commands.RecordReturnReceipt;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.warehouse.WarehouseAdapter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the warehouse received for an RMA, read from the WMS itself. The warehouse announces each
 * receipt by webhook; this read is how a caller checks that it heard of every one (process-api's
 * sweep does, for returns that wait for a parcel longer than usual). A parcel handed over at a
 * store is booked through the WMS too, so that stock stays truthful and the receipt reaches the hub
 * by the same webhook as every other.
 */
@RestController
@RequestMapping(ReturnReceiptController.PATH)
@Tag(name = "Return receipts", description = "Parcels the warehouse received for an RMA")
class ReturnReceiptController {

	static final String PATH = "/api/system/v1/return-receipts";

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

	@PostMapping
	@Operation(summary = "Books a parcel handed over at a store for an RMA (an in-store return)",
			description = "The WMS books it at the store (good units back on hand there) and announces it by its "
					+ "signed webhook like every receipt. 201 with the receipt; 200 with the earlier receipt when "
					+ "the WMS holds one of the RMA at that store already (nothing booked twice). 422 not-a-store "
					+ "when the location is not one of the WMS's stores; 404 for an RMA unknown to ERP; 409 for an "
					+ "RMA ERP rejected; 422 backend-rejected for counts the RMA does not allow.")
	ResponseEntity<ReturnReceipt> receiveAtStore(@Valid @RequestBody RecordReturnReceipt receipt) {
		CreateOutcome<ReturnReceipt> outcome = warehouse.receiveAtStore(receipt);
		if (!outcome.created()) {
			return ResponseEntity.ok(outcome.value());
		}
		return ResponseEntity.created(URI.create(PATH + "?rmaNumber=" + outcome.value().rmaNumber()))
			.body(outcome.value());
	}
}
