package io.retailhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.data.DemoShipment;

/**
 * Order lines of the sandbox's demo data that a return will be authorized for, each handed out
 * once per run: delivered in full, not final sale, not returned before, and inside the return
 * window (30 days from delivery, 14 for electronics and beauty: the sandbox's default policy)
 * with a day to spare. A line is returned in full, so no later return can use it again.
 *
 * <p>Lines are handed out one order at a time in turn (the first line of every order, then the
 * second ones, ...), so returns in flight together rarely belong to the same order: two returns
 * of one order are judged one after the other under the order's lock, which is correct but not
 * what this benchmark sets out to measure.
 */
final class ReturnableLines {

	/** A return of one whole order line. */
	record Line(String orderNumber, String lineNumber, int quantity) {
	}

	/** The sandbox's showcase orders keep their documented shape: never returned here. */
	private static final Set<String> SHOWCASES = Set.of(DemoData.Showcase.DELIVERED_ORDER,
			DemoData.Showcase.SPLIT_SHIPMENT_ORDER, DemoData.Showcase.PARTLY_RETURNED_ORDER,
			DemoData.Showcase.FINAL_SALE_ORDER, DemoData.Showcase.OLD_ORDER, DemoData.Showcase.OPEN_ORDER);

	private static final Duration MARGIN = Duration.ofDays(1);

	private final Deque<Line> lines;

	private final int total;

	private ReturnableLines(List<Line> lines) {
		this.lines = new ArrayDeque<>(lines);
		this.total = lines.size();
	}

	static ReturnableLines of(DemoData data, Instant now) {
		Map<String, List<Line>> byOrder = new LinkedHashMap<>();
		for (DemoOrder order : data.orders()) {
			if (SHOWCASES.contains(order.orderNumber()) || !order.fullyDelivered()) {
				continue;
			}
			for (DemoOrderLine line : order.lines()) {
				if (returnable(order, line, now)) {
					byOrder.computeIfAbsent(order.orderNumber(), o -> new ArrayList<>())
						.add(new Line(order.orderNumber(), line.itemNumber(), line.quantity()));
				}
			}
		}
		List<Line> interleaved = new ArrayList<>();
		for (int round = 0;; round++) {
			int before = interleaved.size();
			for (List<Line> ofOrder : byOrder.values()) {
				if (round < ofOrder.size()) {
					interleaved.add(ofOrder.get(round));
				}
			}
			if (interleaved.size() == before) {
				return new ReturnableLines(interleaved);
			}
		}
	}

	private static boolean returnable(DemoOrder order, DemoOrderLine line, Instant now) {
		if (line.finalSale()) {
			return false;
		}
		boolean returnedBefore = order.returns()
			.stream()
			.anyMatch(r -> r.quantities().getOrDefault(line.itemNumber(), 0) > 0);
		if (returnedBefore) {
			return false;
		}
		int delivered = 0;
		Instant lastDelivery = null;
		for (DemoShipment shipment : order.shipments()) {
			int units = shipment.quantities().getOrDefault(line.itemNumber(), 0);
			if (units == 0) {
				continue;
			}
			if (!"delivered".equals(shipment.status()) || shipment.deliveredAt() == null) {
				return false;
			}
			delivered += units;
			lastDelivery = lastDelivery == null || shipment.deliveredAt().isAfter(lastDelivery)
					? shipment.deliveredAt() : lastDelivery;
		}
		if (delivered != line.quantity() || lastDelivery == null) {
			return false;
		}
		int windowDays = switch (line.category()) {
			case "ELECTRONICS", "BEAUTY" -> 14;
			default -> 30;
		};
		return lastDelivery.plus(Duration.ofDays(windowDays)).isAfter(now.plus(MARGIN));
	}

	/** Lines returnable at the start of the run. */
	int total() {
		return this.total;
	}

	int left() {
		return this.lines.size();
	}

	/** The next {@code count} lines, never handed out before. */
	List<Line> take(int count) {
		if (count > this.lines.size()) {
			throw new IllegalStateException("the demo data has " + this.lines.size() + " returnable lines left, "
					+ count + " are needed: raise --orders (now the sandbox generates "
					+ "fewer orders than this run needs)");
		}
		List<Line> taken = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			taken.add(this.lines.removeFirst());
		}
		return taken;
	}

}
