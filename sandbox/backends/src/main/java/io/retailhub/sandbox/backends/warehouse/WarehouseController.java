package io.retailhub.sandbox.backends.warehouse;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import io.retailhub.sandbox.backends.warehouse.ErpReturnNotices.ErpUnavailableException;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ListResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.LocationResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptRequest;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.RmaReceiptRequest;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ShipmentResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.StockLevelResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A generic WMS REST API under {@code /warehouse/api/v1}: locations, stock, shipments and return
 * receipts. Every call needs the {@code X-Api-Key} header ({@link WarehouseApiKeyFilter}); lists
 * take {@code limit} and {@code cursor} ({@link Pages}).
 */
@RestController
@RequestMapping("/warehouse")
class WarehouseController {

	static final String API = "/api/v1";

	private final WarehouseStore store;

	private final ReturnReceiving receiving;

	WarehouseController(WarehouseStore store, ReturnReceiving receiving) {
		this.store = store;
		this.receiving = receiving;
	}

	@GetMapping(API + "/locations")
	ListResponse<LocationResponse> locations(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return Pages.page(store.locations(), limit, cursor);
	}

	/** Stock of one SKU per location; an unknown SKU or location simply matches nothing. */
	@GetMapping(API + "/stock")
	ListResponse<StockLevelResponse> stock(@RequestParam(required = false) String sku,
			@RequestParam(name = "location_id", required = false) String locationId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		if (sku == null || sku.isBlank()) {
			throw WarehouseApiException.badParameter("sku", "is required");
		}
		return Pages.page(store.stock(sku, locationId), limit, cursor);
	}

	@GetMapping(API + "/shipments")
	ListResponse<ShipmentResponse> shipments(@RequestParam(name = "order_number", required = false) String orderNumber,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return Pages.page(store.shipments(orderNumber), limit, cursor);
	}

	@GetMapping(API + "/shipments/{shipmentId}")
	ShipmentResponse shipment(@PathVariable String shipmentId) {
		return store.shipment(shipmentId).orElseThrow(() -> WarehouseApiException.notFound("shipment", shipmentId));
	}

	@PostMapping(API + "/return-receipts")
	ResponseEntity<ReturnReceiptResponse> receive(@Valid @RequestBody ReturnReceiptRequest request) {
		ReturnReceiptResponse receipt = store.receive(request);
		return ResponseEntity.created(URI.create("/warehouse" + API + "/return-receipts/" + receipt.receiptId()))
			.body(receipt);
	}

	/**
	 * A parcel received against an RMA at a location ({@code warehouse_id}: a distribution center or a
	 * store): what to expect comes from ERP, the receipt is posted to ERP as the return's goods
	 * receipt and announced by webhook like any other. 404 for an RMA ERP does not know, 409
	 * {@code rma_rejected} for one ERP rejected, 422 for an unknown location or counts the RMA does
	 * not allow, 503 {@code erp_unavailable} while ERP cannot be asked.
	 */
	@PostMapping(API + "/rmas/{rmaNumber}/receipts")
	ResponseEntity<ReturnReceiptResponse> receiveForRma(@PathVariable String rmaNumber,
			@Valid @RequestBody RmaReceiptRequest request) {
		List<ParcelCount> counts = request.lines()
			.stream()
			.map(l -> new ParcelCount(l.lineNumber(), l.quantityReceived(), l.quantityDamaged(),
					l.quantityRejected()))
			.toList();
		try {
			ReturnReceiptResponse receipt = receiving.receive(rmaNumber, request.warehouseId(), counts);
			return ResponseEntity.created(URI.create("/warehouse" + API + "/return-receipts/" + receipt.receiptId()))
				.body(receipt);
		}
		catch (ErpUnavailableException ex) {
			throw new WarehouseApiException(HttpStatus.SERVICE_UNAVAILABLE, "erp_unavailable",
					"the RMA cannot be read from ERP now: " + ex.getMessage(), List.of());
		}
	}

	@GetMapping(API + "/return-receipts")
	ListResponse<ReturnReceiptResponse> receipts(@RequestParam(name = "rma_number", required = false) String rmaNumber,
			@RequestParam(name = "order_number", required = false) String orderNumber,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return Pages.page(store.receipts(rmaNumber, orderNumber), limit, cursor);
	}

	@GetMapping(API + "/return-receipts/{receiptId}")
	ReturnReceiptResponse receipt(@PathVariable String receiptId) {
		return store.receipt(receiptId).orElseThrow(() -> WarehouseApiException.notFound("return receipt", receiptId));
	}

	/** Anything else under the prefix is answered in the WMS dialect, not the sandbox's. */
	@RequestMapping("/**")
	void unknown() {
		throw new WarehouseApiException(HttpStatus.NOT_FOUND, "not_found", "no such resource", List.of());
	}
}
