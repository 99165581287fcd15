package io.retailhub.system.locations;

import java.util.List;

import io.retailhub.contracts.Location;
import io.retailhub.contracts.LocationType;
import io.retailhub.system.warehouse.WarehouseAdapter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The warehouse system's locations: its distribution centers and its stores. */
@RestController
@RequestMapping("/api/system/v1/locations")
@Tag(name = "Locations", description = "Distribution centers and stores of the warehouse system")
class LocationController {

	private final WarehouseAdapter warehouse;

	LocationController(WarehouseAdapter warehouse) {
		this.warehouse = warehouse;
	}

	@GetMapping
	@Operation(summary = "Every location, or those of one type (STORE, DISTRIBUTION_CENTER)")
	List<Location> locations(@RequestParam(required = false) LocationType type) {
		return warehouse.findLocations().stream().filter(l -> type == null || l.type() == type).toList();
	}
}
