package io.retailhub.system.warehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.retailhub.contracts.Location;
import io.retailhub.contracts.LocationStock;
import io.retailhub.contracts.LocationType;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnAuthorizationId;
import io.retailhub.contracts.ReturnReceipt;
import io.retailhub.contracts.Shipment;
import io.retailhub.contracts.ShipmentId;
import io.retailhub.contracts.ShipmentLine;
import io.retailhub.contracts.ShipmentStatus;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.commands.RecordReturnReceipt;
import io.retailhub.contracts.events.ReturnReceived;
import io.retailhub.contracts.problems.FieldError;
import io.retailhub.contracts.problems.ProblemProperties;
import io.retailhub.contracts.problems.ProblemType;
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.CreateOutcome;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.warehouse.WarehousePayloads.Page;
import io.retailhub.system.warehouse.WarehousePayloads.StockLevel;
import io.retailhub.system.warehouse.WarehousePayloads.WmsReturnReceipt;
import io.retailhub.system.warehouse.WarehousePayloads.WmsReturnReceiptLine;
import io.retailhub.system.warehouse.WarehousePayloads.WmsRmaReceipt;
import io.retailhub.system.warehouse.WarehousePayloads.WmsRmaReceiptLine;
import io.retailhub.web.ProblemException;
import io.retailhub.system.warehouse.WarehousePayloads.WmsShipment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The hub's way into the warehouse management system (a generic WMS REST API): shipments of an
 * order, stock per location, its locations and the receipts of an RMA, mapped to the canonical {@link Shipment},
 * {@link LocationStock}, {@link Location} and {@link ReturnReceipt}, and a parcel booked at a store
 * for an RMA. Every call runs under the warehouse's resilience policies
 * ({@link BackendCalls}); lists are followed page by page until the WMS says there is no more.
 */
@Component
public class WarehouseAdapter {

	private static final Logger log = LoggerFactory.getLogger(WarehouseAdapter.class);

	static final String API_KEY_HEADER = "X-Api-Key";

	private static final int PAGE_SIZE = 100;

	/** A guard against a WMS whose cursors never end; no list the hub reads comes near it. */
	private static final int MAX_PAGES = 100;

	private final WarehouseClient client;

	private final BackendCalls calls;

	private final Clock clock;

	private final Duration locationCacheTtl;

	private final AtomicReference<LocationNames> locationNames = new AtomicReference<>();

	WarehouseAdapter(WarehouseSettings settings, BackendRestClients clients, BackendCalls calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
		this.locationCacheTtl = settings.locationCacheTtl();
		this.client = clients.createClient(
				clients.forBackend(Backends.WAREHOUSE, settings.baseUrl(), settings.connectTimeout(), settings.readTimeout())
					.defaultHeader(API_KEY_HEADER, settings.apiKey())
					.defaultStatusHandler(new WarehouseErrors()),
				WarehouseClient.class);
	}

	/** Every parcel of the order, in the WMS's order; empty when nothing has shipped or the order is unknown. */
	public List<Shipment> findShipments(OrderId orderId) {
		return calls
			.read(Backends.WAREHOUSE,
					() -> all(cursor -> client.shipments(orderId.value(), PAGE_SIZE, cursor), "shipments"))
			.stream()
			.map(WarehouseAdapter::shipment)
			.toList();
	}

	/** One parcel, or empty when the WMS does not know it. */
	public Optional<Shipment> findShipment(ShipmentId id) {
		return calls.read(Backends.WAREHOUSE, () -> {
			try {
				return Optional.ofNullable(client.shipment(id.value()));
			}
			catch (ResourceNotFoundException ex) {
				return Optional.<WmsShipment>empty();
			}
		}).map(WarehouseAdapter::shipment);
	}

	/**
	 * Every parcel the warehouse received for the RMA, first to last, each with the RMA's running
	 * totals as of it (the WMS lists each parcel's own counts; they are added up here, as its
	 * receipt webhooks do). Empty when nothing was received or the WMS does not know the RMA.
	 */
	public List<ReturnReceipt> findReturnReceipts(ReturnAuthorizationId rma) {
		List<WmsReturnReceipt> parcels = new ArrayList<>(calls.read(Backends.WAREHOUSE,
				() -> all(cursor -> client.returnReceipts(rma.value(), PAGE_SIZE, cursor), "return receipts")));
		parcels.sort(Comparator.comparingLong(WmsReturnReceipt::sequence));
		Map<String, ReturnReceived.Line> totals = new LinkedHashMap<>();
		List<ReturnReceipt> receipts = new ArrayList<>();
		for (WmsReturnReceipt parcel : parcels) {
			for (WmsReturnReceiptLine line : parcel.lines()) {
				totals.merge(line.lineNumber(), receivedLine(line), WarehouseAdapter::plus);
			}
			receipts.add(new ReturnReceipt(parcel.receiptId(), ReturnAuthorizationId.of(parcel.rmaNumber()),
					OrderId.of(parcel.orderNumber()), parcel.warehouseId(), parcel.sequence(), parcel.receivedAt(),
					List.copyOf(totals.values())));
		}
		return receipts;
	}

	/** Every location of the WMS: its distribution centers and its stores. */
	public List<Location> findLocations() {
		return calls.read(Backends.WAREHOUSE, () -> all(cursor -> client.locations(PAGE_SIZE, cursor), "locations"))
			.stream()
			.map(l -> new Location(l.locationId(), l.name(),
					"store".equals(l.type()) ? LocationType.STORE : LocationType.DISTRIBUTION_CENTER, l.country()))
			.toList();
	}

	/**
	 * Books a parcel handed over at a store for an RMA, and answers the receipt with the RMA's
	 * running totals as of it. Repeat-safe by looking first: when the WMS already holds a receipt of
	 * the RMA at that store, that receipt is the answer and nothing is sent (the WMS's own write is
	 * sent once, never retried blindly: a lost answer is a {@link io.retailhub.system.backend.BackendTimeoutException},
	 * and asking again finds the receipt).
	 * @throws ProblemException 422 {@code not-a-store} when the location is not one of the WMS's stores
	 */
	public CreateOutcome<ReturnReceipt> receiveAtStore(RecordReturnReceipt receipt) {
		ReturnAuthorizationId rma = ReturnAuthorizationId.of(receipt.rmaNumber());
		boolean store = findLocations().stream()
			.anyMatch(l -> l.type() == LocationType.STORE && l.id().equals(receipt.locationId()));
		if (!store) {
			throw new ProblemException(ProblemType.NOT_A_STORE,
					"Location " + receipt.locationId() + " is not one of the warehouse's stores.",
					Map.of(ProblemProperties.ERRORS,
							List.of(new FieldError("locationId", "must be a store location of the warehouse"))));
		}
		Optional<ReturnReceipt> earlier = atLocation(findReturnReceipts(rma), receipt.locationId(), null);
		if (earlier.isPresent()) {
			return new CreateOutcome<>(earlier.get(), false);
		}
		WmsReturnReceipt booked = calls.write(Backends.WAREHOUSE,
				() -> client.receiveForRma(rma.value(), new WmsRmaReceipt(receipt.locationId(), receipt.lines()
					.stream()
					.map(l -> new WmsRmaReceiptLine(l.lineNumber(), l.quantityReceived(), l.quantityDamaged(),
							l.quantityRejected()))
					.toList())));
		ReturnReceipt created = atLocation(findReturnReceipts(rma), receipt.locationId(), booked.receiptId())
			.orElseThrow(() -> new IllegalStateException(
					"the warehouse booked receipt " + booked.receiptId() + " but does not list it for RMA " + rma));
		return new CreateOutcome<>(created, true);
	}

	/** The latest receipt at the location ({@code receiptId} null), or the one with that ID. */
	private static Optional<ReturnReceipt> atLocation(List<ReturnReceipt> receipts, String locationId,
			String receiptId) {
		return receipts.stream()
			.filter(r -> locationId.equals(r.warehouseId()))
			.filter(r -> receiptId == null || receiptId.equals(r.receiptId()))
			.reduce((first, second) -> second);
	}

	private static ReturnReceived.Line receivedLine(WmsReturnReceiptLine line) {
		return new ReturnReceived.Line(line.lineNumber(), Sku.of(line.sku()), line.quantityExpected(),
				line.quantityReceived(), line.quantityDamaged(), line.quantityRejected());
	}

	/** A later parcel's counts on top of the earlier ones; what ERP authorized is the later parcel's word. */
	private static ReturnReceived.Line plus(ReturnReceived.Line earlier, ReturnReceived.Line parcel) {
		return new ReturnReceived.Line(earlier.lineNumber(), earlier.sku(), parcel.quantityExpected(),
				earlier.quantityReceived() + parcel.quantityReceived(),
				earlier.quantityDamaged() + parcel.quantityDamaged(),
				earlier.quantityRejected() + parcel.quantityRejected());
	}

	/**
	 * Stock of the SKU at every location, named as the WMS names them; empty for a SKU the WMS does
	 * not stock. Location names are cached, and refreshed early when a location appears that the
	 * cache does not know.
	 */
	public List<LocationStock> findStock(Sku sku) {
		return calls.read(Backends.WAREHOUSE, () -> {
			List<StockLevel> levels = all(cursor -> client.stock(sku.value(), PAGE_SIZE, cursor), "stock");
			Map<String, String> names = locationNames(levels);
			return levels.stream()
				.map(l -> new LocationStock(l.locationId(), names.getOrDefault(l.locationId(), l.locationId()),
						l.onHand(), l.reserved(), l.available()))
				.toList();
		});
	}

	private Map<String, String> locationNames(List<StockLevel> levels) {
		Instant now = clock.instant();
		LocationNames cached = locationNames.get();
		if (cached != null && now.isBefore(cached.expiresAt())
				&& levels.stream().allMatch(l -> cached.names().containsKey(l.locationId()))) {
			return cached.names();
		}
		Map<String, String> names = new LinkedHashMap<>();
		all(cursor -> client.locations(PAGE_SIZE, cursor), "locations")
			.forEach(l -> names.put(l.locationId(), l.name()));
		LocationNames fresh = new LocationNames(Map.copyOf(names), now.plus(locationCacheTtl));
		locationNames.set(fresh);
		return fresh.names();
	}

	/** Follows the WMS's cursors from the first page to the last. */
	private static <T> List<T> all(Function<String, Page<T>> pageAfter, String list) {
		List<T> all = new ArrayList<>();
		String cursor = null;
		for (int pages = 0; pages < MAX_PAGES; pages++) {
			Page<T> page = pageAfter.apply(cursor);
			if (page == null) {
				return all;
			}
			all.addAll(page.items());
			cursor = page.next();
			if (cursor == null) {
				return all;
			}
		}
		throw new IllegalStateException("the warehouse kept paging " + list + " past " + MAX_PAGES + " pages");
	}

	private static Shipment shipment(WmsShipment s) {
		List<ShipmentLine> lines = s.lines() == null ? List.of()
				: s.lines()
					.stream()
					.map(l -> new ShipmentLine(l.lineNumber(), Sku.of(l.sku()), l.quantity()))
					.toList();
		return new Shipment(ShipmentId.of(s.shipmentId()), OrderId.of(s.orderNumber()), s.carrier(),
				s.trackingNumber(), status(s), s.shippedAt(), s.deliveredAt(), lines);
	}

	/**
	 * The WMS speaks carrier vocabulary. {@code cancelled} and {@code error} (terminal states some
	 * carriers report) count as failure; a status the hub has never seen is judged by the
	 * parcel's timestamps rather than failing the whole lookup.
	 */
	static ShipmentStatus status(WmsShipment s) {
		String status = s.status() == null ? "" : s.status();
		return switch (status) {
			case "pre_transit" -> ShipmentStatus.PRE_TRANSIT;
			case "in_transit" -> ShipmentStatus.IN_TRANSIT;
			case "out_for_delivery" -> ShipmentStatus.OUT_FOR_DELIVERY;
			case "delivered" -> ShipmentStatus.DELIVERED;
			case "return_to_sender" -> ShipmentStatus.RETURN_TO_SENDER;
			case "failure", "cancelled", "error" -> ShipmentStatus.FAILURE;
			default -> {
				log.warn("warehouse shipment {} has unknown status '{}'; judging by its timestamps", s.shipmentId(),
						status);
				yield s.deliveredAt() != null ? ShipmentStatus.DELIVERED
						: s.shippedAt() != null ? ShipmentStatus.IN_TRANSIT : ShipmentStatus.PRE_TRANSIT;
			}
		};
	}

	private record LocationNames(Map<String, String> names, Instant expiresAt) {
	}
}
