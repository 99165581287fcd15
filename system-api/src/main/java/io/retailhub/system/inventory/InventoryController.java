package io.retailhub.system.inventory;

import java.time.Clock;
import java.util.List;

import io.retailhub.contracts.InventoryAvailability;
import io.retailhub.contracts.LocationStock;
import io.retailhub.contracts.Sku;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.erp.SapErpAdapter;
import io.retailhub.system.warehouse.WarehouseAdapter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What can be promised for a SKU: ERP's available-to-promise beside the warehouse's stock per location. */
@RestController
@RequestMapping("/api/system/v1/inventory")
@Tag(name = "Inventory", description = "Availability from ERP and the warehouse")
class InventoryController {

	private final SapErpAdapter erp;

	private final WarehouseAdapter warehouse;

	private final Clock clock;

	InventoryController(SapErpAdapter erp, WarehouseAdapter warehouse, Clock clock) {
		this.erp = erp;
		this.warehouse = warehouse;
		this.clock = clock;
	}

	@GetMapping("/{sku}")
	@Operation(summary = "Availability of one SKU")
	InventoryAvailability availability(@PathVariable Sku sku) {
		List<LocationStock> locations = warehouse.findStock(sku);
		int atp = erp.availableToPromise(sku);
		if (locations.isEmpty() && atp == 0) {
			throw new ResourceNotFoundException("sku", sku.value());
		}
		return new InventoryAvailability(sku, atp, locations, clock.instant());
	}
}
