package io.retailhub.sandbox.backends.warehouse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.retailhub.sandbox.backends.admin.RecordedEffects;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoLocation;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.data.DemoShipment;
import io.retailhub.sandbox.backends.state.NumberRange;
import io.retailhub.sandbox.backends.state.SandboxState;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.LocationResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptLineRequest;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptEvent;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptEventLine;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptLineResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptRequest;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ReturnReceiptResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ShipmentLineResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.ShipmentResponse;
import io.retailhub.sandbox.backends.warehouse.WarehousePayloads.StockLevelResponse;

import org.springframework.stereotype.Component;

/**
 * The simulated WMS: locations, stock, shipments and return receipts, seeded from the demo data
 * and then evolving on its own.
 *
 * <p>Stock rules, simple and deterministic: {@code on_hand} starts at {@link DemoData#stock()};
 * {@code reserved} counts the units of open orders (placed, nothing shipped yet), each picked
 * from the first distribution center of its ERP plant (DC-EAST for 1710, DC-EU for 1010); a
 * return receipt puts its received units minus damaged and rejected back on hand.
 *
 * <p>Every receipt is announced by a {@code return_receipt.created} webhook ({@link WarehouseWebhooks}),
 * numbered within its RMA and carrying the RMA's running totals.
 *
 * <p>Thread-safe: shipments and reservations are immutable; stock and receipts change only under
 * the store's lock, so a receipt's checks, its restock and its place in the RMA's sequence happen
 * atomically, and webhook events are recorded in the order of their sequence. A receipt runs as
 * one change of the {@link SandboxState}, with its webhook event: a snapshot holds both or neither.
 */
@Component
class WarehouseStore implements RecordedEffects {

	static final String RECEIPTS_CREATED = "returnReceipts.created";

	static final String UNITS_RESTOCKED = "units.restocked";

	static final String RETURN_RECEIPT_CREATED = "return_receipt.created";

	private final Clock clock;

	private final WarehouseWebhooks webhooks;

	private final List<LocationResponse> locations;

	private final Map<String, DemoLocation> locationsById = new LinkedHashMap<>();

	private final Map<String, DemoOrder> orders = new HashMap<>();

	private final List<ShipmentResponse> shipments = new ArrayList<>();

	private final Map<String, ShipmentResponse> shipmentsById = new HashMap<>();

	private final Map<String, List<ShipmentResponse>> shipmentsByOrder = new HashMap<>();

	private final Map<String, Map<String, Integer>> reserved;

	/** SKU to location to units on hand. Guarded by {@code this}. */
	private final Map<String, Map<String, Integer>> onHand = new HashMap<>();

	/** Receipts in creation order. Guarded by {@code this}. */
	private final Map<String, ReturnReceiptResponse> receipts = new LinkedHashMap<>();

	/** Units already received per order line ({@code order/line}). Guarded by {@code this}. */
	private final Map<String, Integer> receivedByOrderLine = new HashMap<>();

	/** The receipts of each RMA so far: their count and running totals. Guarded by {@code this}. */
	private final Map<String, RmaReceipts> receiptsByRma = new HashMap<>();

	private final SandboxState state;

	private final NumberRange receiptNumbers;

	/** Receipts recorded and units restocked since the sandbox started (restored ones not counted). */
	private long receiptsCreated;

	private long unitsRestocked;

	WarehouseStore(DemoData data, Clock clock, WarehouseWebhooks webhooks, SandboxState state) {
		this.clock = clock;
		this.webhooks = webhooks;
		this.state = state;
		this.receiptNumbers = state.numbers("warehouse.return-receipts", 1);
		List<LocationResponse> locations = new ArrayList<>();
		for (DemoLocation location : data.locations()) {
			locationsById.put(location.id(), location);
			locations.add(new LocationResponse(location.id(), location.name(),
					location.type().equals("DC") ? "distribution_center" : "store", location.country(),
					location.plant()));
		}
		this.locations = List.copyOf(locations);
		data.stock().forEach((sku, perLocation) -> onHand.put(sku, new LinkedHashMap<>(perLocation)));
		Map<String, Map<String, Integer>> reserved = new HashMap<>();
		for (DemoOrder order : data.orders()) {
			orders.put(order.orderNumber(), order);
			for (DemoShipment shipment : order.shipments()) {
				ShipmentResponse response = shipment(order, shipment);
				shipments.add(response);
				shipmentsById.put(response.shipmentId(), response);
				shipmentsByOrder.computeIfAbsent(order.orderNumber(), n -> new ArrayList<>()).add(response);
			}
			if (order.shipments().isEmpty()) {
				String location = pickingLocation(order.plant());
				for (DemoOrderLine line : order.lines()) {
					reserved.computeIfAbsent(line.sku(), s -> new HashMap<>()).merge(location, line.quantity(),
							Integer::sum);
				}
			}
		}
		shipmentsByOrder.replaceAll((orderNumber, list) -> List.copyOf(list));
		this.reserved = reserved;
	}

	private static ShipmentResponse shipment(DemoOrder order, DemoShipment shipment) {
		List<ShipmentLineResponse> lines = new ArrayList<>();
		shipment.quantities()
			.forEach((itemNumber, quantity) -> lines
				.add(new ShipmentLineResponse(itemNumber, line(order, itemNumber).sku(), quantity)));
		return new ShipmentResponse(shipment.shipmentId(), order.orderNumber(), shipment.warehouse(),
				shipment.carrier(), shipment.trackingNumber(), shipment.status(), shipment.shippedAt(),
				shipment.deliveredAt(), List.copyOf(lines));
	}

	private static DemoOrderLine line(DemoOrder order, String itemNumber) {
		return order.lines()
			.stream()
			.filter(l -> l.itemNumber().equals(itemNumber))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"demo shipment of " + order.orderNumber() + " names unknown line " + itemNumber));
	}

	private String pickingLocation(String plant) {
		return locationsById.values()
			.stream()
			.filter(l -> l.type().equals("DC") && l.plant().equals(plant))
			.map(DemoLocation::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no distribution center for plant " + plant));
	}

	List<LocationResponse> locations() {
		return locations;
	}

	/** One level per location for a known SKU (zero stock included); empty for an unknown SKU. */
	synchronized List<StockLevelResponse> stock(String sku, String locationId) {
		Map<String, Integer> perLocation = onHand.get(sku);
		if (perLocation == null) {
			return List.of();
		}
		Map<String, Integer> reservedHere = reserved.getOrDefault(sku, Map.of());
		List<StockLevelResponse> levels = new ArrayList<>();
		for (String location : locationsById.keySet()) {
			if (locationId == null || locationId.equals(location)) {
				int units = perLocation.getOrDefault(location, 0);
				int held = reservedHere.getOrDefault(location, 0);
				levels.add(new StockLevelResponse(location, sku, units, held, Math.max(0, units - held)));
			}
		}
		return levels;
	}

	List<ShipmentResponse> shipments(String orderNumber) {
		return orderNumber == null ? Collections.unmodifiableList(shipments)
				: shipmentsByOrder.getOrDefault(orderNumber, List.of());
	}

	Optional<ShipmentResponse> shipment(String shipmentId) {
		return Optional.ofNullable(shipmentsById.get(shipmentId));
	}

	synchronized List<ReturnReceiptResponse> receipts(String rmaNumber, String orderNumber) {
		return receipts.values()
			.stream()
			.filter(r -> rmaNumber == null || r.rmaNumber().equals(rmaNumber))
			.filter(r -> orderNumber == null || r.orderNumber().equals(orderNumber))
			.toList();
	}

	synchronized Optional<ReturnReceiptResponse> receipt(String receiptId) {
		return Optional.ofNullable(receipts.get(receiptId));
	}

	/**
	 * Records what arrived for an RMA, restocks the good units and announces the receipt by
	 * webhook, or refuses the whole receipt (nothing changes) when it names an unknown order, line
	 * or warehouse, an RMA of another order, a SKU that does not match the line, more damaged and
	 * rejected units than received, or more units than were shipped.
	 */
	ReturnReceiptResponse receive(ReturnReceiptRequest request) {
		return state.change(() -> {
			synchronized (this) {
				return receive(request, lines -> {
				});
			}
		});
	}

	/**
	 * As {@link #receive(ReturnReceiptRequest)}, with {@code beforeRecording} run once the receipt
	 * is valid and before anything is recorded, given the order lines that received units; if it
	 * throws, nothing is recorded.
	 */
	private ReturnReceiptResponse receive(ReturnReceiptRequest request, Consumer<Set<String>> beforeRecording) {
		DemoOrder order = orders.get(request.orderNumber());
		if (order == null) {
			throw WarehouseApiException.unprocessable("order_number", "unknown_order",
					"order '" + request.orderNumber() + "' is unknown to the warehouse");
		}
		RmaReceipts earlier = receiptsByRma.get(request.rmaNumber());
		if (earlier != null && !earlier.orderNumber.equals(order.orderNumber())) {
			throw WarehouseApiException.unprocessable("rma_number", "rma_order_mismatch",
					"RMA " + request.rmaNumber() + " belongs to order " + earlier.orderNumber);
		}
		if (request.warehouseId() != null && !locationsById.containsKey(request.warehouseId())) {
			throw WarehouseApiException.unprocessable("warehouse_id", "unknown_location",
					"location '" + request.warehouseId() + "' does not exist");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < request.lines().size(); i++) {
			check(order, request.lines().get(i), "lines[" + i + "]", seen);
		}
		beforeRecording.accept(request.lines()
			.stream()
			.filter(l -> l.quantityReceived() > 0)
			.map(ReturnReceiptLineRequest::lineNumber)
			.collect(Collectors.toSet()));
		String receiptId = "RCPT-" + String.format("%06d", receiptNumbers.next());
		String warehouse = request.warehouseId() != null ? request.warehouseId()
				: returnLocation(order, request.lines().get(0).lineNumber());
		List<ReturnReceiptLineResponse> lines = new ArrayList<>();
		for (ReturnReceiptLineRequest line : request.lines()) {
			int restocked = line.quantityReceived() - line.damaged() - line.rejected();
			unitsRestocked += restocked;
			lines.add(new ReturnReceiptLineResponse(line.lineNumber(), line.sku(), line.quantityExpected(),
					line.quantityReceived(), line.damaged(), line.rejected(), restocked));
		}
		ReturnReceiptResponse receipt = record(new ReturnReceiptResponse(receiptId, request.rmaNumber(),
				order.orderNumber(), warehouse, clock.instant(), 0, List.copyOf(lines)));
		receiptsCreated++;
		webhooks.publish(RETURN_RECEIPT_CREATED, receiptsByRma.get(receipt.rmaNumber()).event(receipt));
		return receipt;
	}

	/**
	 * Books a receipt: what each order line received, the good units back on hand, the receipt as
	 * the next of its RMA. Answers the receipt with its sequence.
	 */
	private ReturnReceiptResponse record(ReturnReceiptResponse parcel) {
		for (ReturnReceiptLineResponse line : parcel.lines()) {
			receivedByOrderLine.merge(parcel.orderNumber() + "/" + line.lineNumber(), line.quantityReceived(),
					Integer::sum);
			onHand.computeIfAbsent(line.sku(), s -> new LinkedHashMap<>())
				.merge(parcel.warehouseId(), line.quantityRestocked(), Integer::sum);
		}
		RmaReceipts rma = receiptsByRma.computeIfAbsent(parcel.rmaNumber(), n -> new RmaReceipts(parcel.orderNumber()));
		long sequence = rma.add(parcel.lines());
		ReturnReceiptResponse receipt = new ReturnReceiptResponse(parcel.receiptId(), parcel.rmaNumber(),
				parcel.orderNumber(), parcel.warehouseId(), parcel.receivedAt(), sequence, parcel.lines());
		receipts.put(receipt.receiptId(), receipt);
		return receipt;
	}

	/** Every receipt, oldest first. */
	synchronized List<ReturnReceiptResponse> allReceipts() {
		return List.copyOf(receipts.values());
	}

	/**
	 * Books saved receipts again, oldest first, onto the seeded stock: their restocked units, their
	 * places in their RMAs' sequences. No webhook: each was announced when it was recorded.
	 */
	synchronized void restore(List<ReturnReceiptResponse> saved) {
		for (ReturnReceiptResponse receipt : saved) {
			record(receipt);
			receiptNumbers.skipTo(Long.parseLong(receipt.receiptId().substring("RCPT-".length())) + 1);
		}
	}

	/** Whether the warehouse received anything for the RMA. */
	synchronized boolean received(String rmaNumber) {
		return receiptsByRma.containsKey(rmaNumber);
	}

	/**
	 * Receives a parcel for an RMA as ERP announced it: one receipt line per order line of the RMA,
	 * expecting the units ERP authorized. A line's received units default to those still
	 * outstanding (authorized, not yet received for this RMA), damaged and rejected to none.
	 * {@code beforeRecording} gets the order lines that received units once the receipt is valid;
	 * if it throws, nothing is recorded.
	 * @throws WarehouseApiException 409 when every unit was received already and no count was
	 * given; 422 when a count names a line the RMA does not have, the parcel would hold nothing, or
	 * the receipt breaks a rule of {@link #receive(ReturnReceiptRequest)}
	 */
	ReturnReceiptResponse receive(ReturnNotice notice, String warehouseId, List<ParcelCount> counts,
			Consumer<Set<String>> beforeRecording) {
		return state.change(() -> receiveNotified(notice, warehouseId, counts, beforeRecording));
	}

	private synchronized ReturnReceiptResponse receiveNotified(ReturnNotice notice, String warehouseId,
			List<ParcelCount> counts, Consumer<Set<String>> beforeRecording) {
		if (notice.orderNumber() == null) {
			throw WarehouseApiException.unprocessable("rma_number", "unknown_order",
					"RMA " + notice.rmaNumber() + " is for an order the warehouse does not know");
		}
		Map<String, ParcelCount> countsByLine = new HashMap<>();
		for (ParcelCount count : counts) {
			if (notice.lines().stream().noneMatch(l -> l.lineNumber().equals(count.lineNumber()))) {
				throw WarehouseApiException.unprocessable("lines", "unknown_line",
						"RMA " + notice.rmaNumber() + " has no order line " + count.lineNumber());
			}
			if (countsByLine.put(count.lineNumber(), count) != null) {
				throw WarehouseApiException.unprocessable("lines", "duplicate_line",
						"line " + count.lineNumber() + " appears more than once");
			}
		}
		RmaReceipts earlier = receiptsByRma.get(notice.rmaNumber());
		List<ReturnReceiptLineRequest> lines = new ArrayList<>();
		int outstanding = 0;
		int received = 0;
		for (ReturnNotice.Line line : notice.lines()) {
			int open = Math.max(0, line.quantity() - (earlier == null ? 0 : earlier.received(line.lineNumber())));
			ParcelCount count = countsByLine.get(line.lineNumber());
			int units = count != null && count.received() != null ? count.received() : open;
			lines.add(new ReturnReceiptLineRequest(line.lineNumber(), line.sku(), line.quantity(), units,
					count == null ? null : count.damaged(), count == null ? null : count.rejected()));
			outstanding += open;
			received += units;
		}
		if (outstanding == 0 && countsByLine.isEmpty()) {
			throw WarehouseApiException.conflict("already_received",
					"every unit of RMA " + notice.rmaNumber() + " has been received already");
		}
		if (received == 0) {
			throw WarehouseApiException.unprocessable("lines", "nothing_received", "the parcel holds no units");
		}
		return receive(new ReturnReceiptRequest(notice.rmaNumber(), notice.orderNumber(), warehouseId, lines),
				beforeRecording);
	}

	private void check(DemoOrder order, ReturnReceiptLineRequest line, String path, Set<String> seen) {
		if (!seen.add(line.lineNumber())) {
			throw WarehouseApiException.unprocessable(path + ".line_number", "duplicate_line",
					"line " + line.lineNumber() + " appears more than once");
		}
		DemoOrderLine ordered = order.lines()
			.stream()
			.filter(l -> l.itemNumber().equals(line.lineNumber()))
			.findFirst()
			.orElseThrow(() -> WarehouseApiException.unprocessable(path + ".line_number", "unknown_line",
					"order " + order.orderNumber() + " has no line " + line.lineNumber()));
		if (!ordered.sku().equals(line.sku())) {
			throw WarehouseApiException.unprocessable(path + ".sku", "sku_mismatch",
					"line " + line.lineNumber() + " holds " + ordered.sku() + ", not " + line.sku());
		}
		if (line.damaged() + line.rejected() > line.quantityReceived()) {
			throw WarehouseApiException.unprocessable(path + ".quantity_received", "quantity_inconsistent",
					"damaged plus rejected units exceed the units received");
		}
		int shipped = order.shipments()
			.stream()
			.mapToInt(s -> s.quantities().getOrDefault(line.lineNumber(), 0))
			.sum();
		int already = receivedByOrderLine.getOrDefault(order.orderNumber() + "/" + line.lineNumber(), 0);
		if (already + line.quantityReceived() > shipped) {
			throw WarehouseApiException.unprocessable(path + ".quantity_received", "quantity_exceeds_shipped",
					"line " + line.lineNumber() + " shipped " + shipped + " units and " + already
							+ " were already received");
		}
	}

	/** Returns go back to where the line shipped from, or to the plant's distribution center. */
	private String returnLocation(DemoOrder order, String lineNumber) {
		return order.shipments()
			.stream()
			.filter(s -> s.quantities().containsKey(lineNumber))
			.map(DemoShipment::warehouse)
			.findFirst()
			.orElseGet(() -> pickingLocation(order.plant()));
	}

	@Override
	public String backend() {
		return "warehouse";
	}

	/**
	 * Receipts and restocked units, and the webhook deliveries that announced the receipts, since
	 * the sandbox started.
	 */
	@Override
	public synchronized Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(RECEIPTS_CREATED, receiptsCreated);
		counts.put(UNITS_RESTOCKED, unitsRestocked);
		counts.putAll(webhooks.counts());
		return counts;
	}

	/** The receipts of one RMA: how many, and the running totals per order line. */
	private static final class RmaReceipts {

		private final String orderNumber;

		private final Map<String, LineTotals> lines = new LinkedHashMap<>();

		private long count;

		RmaReceipts(String orderNumber) {
			this.orderNumber = orderNumber;
		}

		/** Adds a parcel's lines to the totals; answers the parcel's sequence. */
		long add(List<ReturnReceiptLineResponse> parcel) {
			for (ReturnReceiptLineResponse line : parcel) {
				LineTotals totals = lines.computeIfAbsent(line.lineNumber(), n -> new LineTotals());
				totals.sku = line.sku();
				totals.expected = line.quantityExpected();
				totals.received += line.quantityReceived();
				totals.damaged += line.quantityDamaged();
				totals.rejected += line.quantityRejected();
			}
			return ++count;
		}

		int received(String lineNumber) {
			LineTotals totals = lines.get(lineNumber);
			return totals == null ? 0 : totals.received;
		}

		ReturnReceiptEvent event(ReturnReceiptResponse receipt) {
			List<ReturnReceiptEventLine> totals = new ArrayList<>();
			lines.forEach((lineNumber, line) -> totals.add(new ReturnReceiptEventLine(lineNumber, line.sku,
					line.expected, line.received, line.damaged, line.rejected)));
			return new ReturnReceiptEvent(receipt.receiptId(), receipt.rmaNumber(), receipt.orderNumber(),
					receipt.warehouseId(), receipt.receivedAt(), receipt.sequence(), List.copyOf(totals));
		}
	}

	/** One order line of an RMA: the units expected as last stated, and those received so far. */
	private static final class LineTotals {

		private String sku;

		private int expected;

		private int received;

		private int damaged;

		private int rejected;
	}
}
