package io.retailhub.contracts;

import java.time.Instant;
import java.util.List;

/**
 * What can be promised for a SKU: {@code atpQuantity} is ERP's available-to-promise,
 * {@code locations} the warehouse's stock per location.
 */
public record InventoryAvailability(Sku sku, int atpQuantity, List<LocationStock> locations, Instant asOf) {

	public InventoryAvailability {
		locations = List.copyOf(locations);
	}
}
