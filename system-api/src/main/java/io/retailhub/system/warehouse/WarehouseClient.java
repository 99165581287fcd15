package io.retailhub.system.warehouse;

import io.retailhub.system.warehouse.WarehousePayloads.Location;
import io.retailhub.system.warehouse.WarehousePayloads.Page;
import io.retailhub.system.warehouse.WarehousePayloads.StockLevel;
import io.retailhub.system.warehouse.WarehousePayloads.WmsReturnReceipt;
import io.retailhub.system.warehouse.WarehousePayloads.WmsShipment;

import io.retailhub.system.warehouse.WarehousePayloads.WmsRmaReceipt;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The WMS REST API, as far as the hub uses it. Lists take {@code limit} and the {@code cursor}
 * of the previous page (null for the first). A 404 arrives as a
 * {@link io.retailhub.system.backend.ResourceNotFoundException}, other refusals as described in
 * {@link WarehouseErrors}.
 */
@HttpExchange(url = "/api/v1", accept = "application/json")
interface WarehouseClient {

	@GetExchange("/locations")
	Page<Location> locations(@RequestParam int limit, @RequestParam(required = false) String cursor);

	@GetExchange("/stock")
	Page<StockLevel> stock(@RequestParam String sku, @RequestParam int limit,
			@RequestParam(required = false) String cursor);

	@GetExchange("/shipments")
	Page<WmsShipment> shipments(@RequestParam("order_number") String orderNumber, @RequestParam int limit,
			@RequestParam(required = false) String cursor);

	@GetExchange("/shipments/{shipmentId}")
	WmsShipment shipment(@PathVariable String shipmentId);

	/** Books a parcel against an RMA the WMS knows from ERP, at one of its locations; announced by webhook. */
	@PostExchange(url = "/rmas/{rmaNumber}/receipts", contentType = "application/json")
	WmsReturnReceipt receiveForRma(@PathVariable String rmaNumber, @RequestBody WmsRmaReceipt receipt);

	@GetExchange("/return-receipts")
	Page<WmsReturnReceipt> returnReceipts(@RequestParam("rma_number") String rmaNumber, @RequestParam int limit,
			@RequestParam(required = false) String cursor);
}
