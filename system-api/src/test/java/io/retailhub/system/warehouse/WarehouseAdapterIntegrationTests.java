package io.retailhub.system.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.retailhub.contracts.LocationStock;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.ShipmentId;
import io.retailhub.contracts.ShipmentLine;
import io.retailhub.contracts.ShipmentStatus;
import io.retailhub.contracts.Sku;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoLocation;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoShipment;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The warehouse adapter against the sandbox WMS, over real HTTP. */
@SystemApiIntegrationTest
class WarehouseAdapterIntegrationTests {

	@Autowired
	WarehouseAdapter warehouse;

	@Autowired
	WarehouseSettings settings;

	@Autowired
	BackendRestClients clients;

	@Autowired
	BackendCalls calls;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Test
	void mapsEveryFieldOfTheShipmentsOfADeliveredOrder() {
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.DELIVERED_ORDER);

		List<Shipment> shipments = warehouse.findShipments(OrderId.of(order.orderNumber()));

		assertThat(shipments).containsExactlyElementsOf(expected(order));
		assertThat(shipments).singleElement().satisfies(s -> {
			assertThat(s.status()).isEqualTo(ShipmentStatus.DELIVERED);
			assertThat(s.lines()).extracting(ShipmentLine::lineNumber).containsExactly("10", "20", "30");
		});
	}

	@Test
	void mapsTheSplitShipmentShowcaseToOneDeliveredAndOneInTransitParcel() {
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);

		List<Shipment> shipments = warehouse.findShipments(OrderId.of(order.orderNumber()));

		assertThat(shipments).containsExactlyElementsOf(expected(order));
		assertThat(shipments).extracting(Shipment::status)
			.containsExactly(ShipmentStatus.DELIVERED, ShipmentStatus.IN_TRANSIT);
		assertThat(shipments.get(1).deliveredAt()).isNull();
		assertThat(shipments).flatExtracting(Shipment::lines)
			.extracting(ShipmentLine::lineNumber)
			.containsExactly("10", "20");
	}

	@Test
	void findsNoShipmentsForAnOrderNotYetShippedOrUnknown() {
		assertThat(warehouse.findShipments(OrderId.of(DemoData.Showcase.OPEN_ORDER))).isEmpty();
		assertThat(warehouse.findShipments(OrderId.of("WEB-999999"))).isEmpty();
	}

	@Test
	void findsOneShipmentByIdAndNothingForAnUnknownId() {
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		DemoShipment second = order.shipments().get(1);

		assertThat(warehouse.findShipment(ShipmentId.of(second.shipmentId()))).contains(expected(order).get(1));
		assertThat(warehouse.findShipment(ShipmentId.of("SHP-0"))).isEmpty();
	}

	@Test
	void answersStockPerLocationAsTheDemoDataStocksIt() {
		// given the showcase SKU, stocked everywhere, and the open orders that reserve it
		DemoData data = Sandbox.data();
		String sku = DemoData.Showcase.SKU;
		List<LocationStock> expected = data.locations().stream().map(location -> {
			int onHand = data.stock().get(sku).get(location.id());
			int reserved = reservedByOpenOrders(data, sku, location);
			return new LocationStock(location.id(), location.name(), onHand, reserved, Math.max(0, onHand - reserved));
		}).toList();

		// when
		List<LocationStock> stock = warehouse.findStock(Sku.of(sku));

		// then
		assertThat(stock).containsExactlyElementsOf(expected);
	}

	@Test
	void answersNoStockForASkuTheWarehouseDoesNotKnow() {
		assertThat(warehouse.findStock(Sku.of("NOPE-0"))).isEmpty();
	}

	@Test
	void treatsAWrongApiKeyAsARejectionThatLeavesTheBreakerClosed() {
		// given an adapter configured with a key the WMS does not accept
		WarehouseAdapter misconfigured = new WarehouseAdapter(new WarehouseSettings(settings.baseUrl(), "wrong-key",
				settings.connectTimeout(), settings.readTimeout(), settings.locationCacheTtl()), clients, calls,
				Clock.systemUTC());

		// when / then
		for (int i = 0; i < 6; i++) {
			assertThatExceptionOfType(BackendRejectedException.class)
				.isThrownBy(() -> misconfigured.findShipments(OrderId.of(DemoData.Showcase.DELIVERED_ORDER)))
				.satisfies(ex -> {
					assertThat(ex.backend()).isEqualTo(Backends.WAREHOUSE);
					assertThat(ex.status()).isEqualTo(401);
					assertThat(ex.code()).isEqualTo("unauthorized");
				});
		}
		assertThat(circuitBreakers.circuitBreaker(Backends.WAREHOUSE).getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void reportsAWarehouseOutageAsUnavailable() {
		Sandbox.outage(Backend.WAREHOUSE);

		assertThatExceptionOfType(BackendUnavailableException.class)
			.isThrownBy(() -> warehouse.findShipments(OrderId.of(DemoData.Showcase.DELIVERED_ORDER)))
			.satisfies(ex -> assertThat(ex.backend()).isEqualTo(Backends.WAREHOUSE));
		assertThatExceptionOfType(BackendUnavailableException.class)
			.isThrownBy(() -> warehouse.findStock(Sku.of(DemoData.Showcase.SKU)));
	}

	/** The canonical shipments the demo data implies for an order. */
	private static List<Shipment> expected(DemoOrder order) {
		return order.shipments()
			.stream()
			.map(s -> new Shipment(ShipmentId.of(s.shipmentId()), OrderId.of(order.orderNumber()), s.carrier(),
					s.trackingNumber(), ShipmentStatus.valueOf(s.status().toUpperCase()), s.shippedAt(),
					s.deliveredAt(), s.quantities().entrySet().stream().map(q -> new ShipmentLine(q.getKey(),
							Sku.of(order.lines()
								.stream()
								.filter(l -> l.itemNumber().equals(q.getKey()))
								.findFirst()
								.orElseThrow()
								.sku()),
							q.getValue())).toList()))
			.toList();
	}

	/** The WMS's rule: an open order is picked from the first distribution center of its plant. */
	private static int reservedByOpenOrders(DemoData data, String sku, DemoLocation location) {
		return data.orders()
			.stream()
			.filter(o -> o.shipments().isEmpty())
			.filter(o -> data.locations()
				.stream()
				.filter(l -> l.type().equals("DC") && l.plant().equals(o.plant()))
				.findFirst()
				.orElseThrow()
				.id()
				.equals(location.id()))
			.flatMap(o -> o.lines().stream())
			.filter(l -> l.sku().equals(sku))
			.mapToInt(l -> l.quantity())
			.sum();
	}
}
