package io.retailhub.sandbox.backends.erp;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoLocation;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;

import org.springframework.stereotype.Component;

/**
 * Available-to-promise per material and plant: the units on hand in the plant's locations minus
 * the units of the plant's orders that are not delivered yet. Computed once from the demo data;
 * returns booked in the hub do not restock (that happens in the warehouse, not in ERP's ATP).
 */
@Component
class ProductAvailability {

	private final Map<String, Map<String, Integer>> byPlant;

	ProductAvailability(DemoData data) {
		Map<String, Map<String, Integer>> atp = new HashMap<>();
		for (DemoLocation location : data.locations()) {
			Map<String, Integer> plant = atp.computeIfAbsent(location.plant(), p -> new HashMap<>());
			data.products().forEach(product -> plant.merge(product.sku(),
					data.stock().getOrDefault(product.sku(), Map.of()).getOrDefault(location.id(), 0), Integer::sum));
		}
		for (DemoOrder order : data.orders()) {
			for (DemoOrderLine line : order.lines()) {
				int delivered = order.shipments()
					.stream()
					.filter(s -> "delivered".equals(s.status()))
					.mapToInt(s -> s.quantities().getOrDefault(line.itemNumber(), 0))
					.sum();
				atp.get(order.plant()).merge(line.sku(), -(line.quantity() - delivered), Integer::sum);
			}
		}
		atp.values().forEach(plant -> plant.replaceAll((sku, units) -> Math.max(0, units)));
		atp.replaceAll((plant, units) -> Collections.unmodifiableMap(units));
		this.byPlant = Collections.unmodifiableMap(atp);
	}

	/** Units available now, or a 400 when the plant or the material is unknown there. */
	int available(String material, String plant) {
		Map<String, Integer> units = byPlant.get(plant);
		if (units == null) {
			throw ODataException.invalid("M3/301", "Plant " + plant + " is not defined", "SupplyingPlant");
		}
		Integer available = units.get(material);
		if (available == null) {
			throw ODataException.invalid("M3/305", "Material " + material + " is not maintained in plant " + plant,
					"Material");
		}
		return available;
	}
}
