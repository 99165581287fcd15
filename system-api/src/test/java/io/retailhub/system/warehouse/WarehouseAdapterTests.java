package io.retailhub.system.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.retailhub.contracts.ShipmentStatus;
import io.retailhub.system.warehouse.WarehousePayloads.WmsShipment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarehouseAdapterTests {

	private static final Instant SHIPPED = Instant.parse("2026-11-20T10:00:00Z");

	private static final Instant DELIVERED = Instant.parse("2026-11-23T10:00:00Z");

	@ParameterizedTest
	@CsvSource({ "pre_transit, PRE_TRANSIT", "in_transit, IN_TRANSIT", "out_for_delivery, OUT_FOR_DELIVERY",
			"delivered, DELIVERED", "return_to_sender, RETURN_TO_SENDER", "failure, FAILURE", "cancelled, FAILURE",
			"error, FAILURE" })
	void mapsTheWmsCarrierVocabulary(String wms, ShipmentStatus canonical) {
		assertThat(WarehouseAdapter.status(shipment(wms, SHIPPED, null))).isEqualTo(canonical);
	}

	@ParameterizedTest
	@CsvSource(value = { "held_at_customs, true, false, IN_TRANSIT", "held_at_customs, true, true, DELIVERED",
			"NULL, false, false, PRE_TRANSIT" }, nullValues = "NULL")
	void judgesAnUnknownStatusByTheParcelsTimestamps(String wms, boolean shipped, boolean delivered,
			ShipmentStatus canonical) {
		WmsShipment shipment = shipment(wms, shipped ? SHIPPED : null, delivered ? DELIVERED : null);

		assertThat(WarehouseAdapter.status(shipment)).isEqualTo(canonical);
	}

	private static WmsShipment shipment(String status, Instant shippedAt, Instant deliveredAt) {
		return new WmsShipment("SHP-1", "WEB-1", "UPS", "1Z", status, shippedAt, deliveredAt, List.of());
	}
}
