package io.retailhub.process.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;

/**
 * Seeded orders for tests. The showcases have a fixed meaning ({@link DemoData.Showcase}); a test
 * that changes an order (an RMA, a refund) takes a fresh one of its own, so tests sharing the
 * sandbox never see each other's returns.
 */
public final class DemoOrders {

	private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

	private DemoOrders() {
	}

	public static DemoData data() {
		return HubSandbox.backendBean(DemoData.class);
	}

	public static DemoOrder showcase(String orderNumber) {
		return data().order(orderNumber);
	}

	/**
	 * An order no other test took: fully delivered in the last week, paid in USD, nothing
	 * returned, every line returnable (no final sale), at least one line of two units or more.
	 */
	public static synchronized DemoOrder freshReturnable() {
		DemoData data = data();
		Instant recent = data.anchor().minus(Duration.ofDays(7));
		return data.orders()
			.stream()
			.filter(o -> !o.orderNumber().matches("[A-Z]+-10000[1-9]"))
			.filter(o -> "USD".equals(o.currency()))
			.filter(DemoOrder::fullyDelivered)
			.filter(o -> o.returns().isEmpty())
			.filter(o -> o.lines().stream().noneMatch(l -> l.finalSale()))
			.filter(o -> o.lines().stream().anyMatch(l -> l.quantity() >= 2))
			.filter(o -> o.shipments().stream().allMatch(s -> s.deliveredAt() != null && s.deliveredAt().isAfter(recent)))
			.filter(o -> TAKEN.add(o.orderNumber()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no fresh returnable order left in the demo data"));
	}

	/**
	 * An order no other test took, for tests that need many and ask less of each: fully delivered
	 * in the last 11 days (inside every category's return window), nothing returned, no final
	 * sale, any currency and quantities. Orders {@link #freshReturnable()} would give are handed
	 * out last, so that tests needing those are not left without.
	 */
	public static synchronized DemoOrder freshDelivered() {
		DemoData data = data();
		Instant recent = data.anchor().minus(Duration.ofDays(11));
		Instant lastWeek = data.anchor().minus(Duration.ofDays(7));
		return data.orders()
			.stream()
			.filter(o -> !o.orderNumber().matches("[A-Z]+-10000[1-9]"))
			.filter(DemoOrder::fullyDelivered)
			.filter(o -> o.returns().isEmpty())
			.filter(o -> o.lines().stream().noneMatch(l -> l.finalSale()))
			.filter(o -> o.shipments().stream().allMatch(s -> s.deliveredAt() != null && s.deliveredAt().isAfter(recent)))
			.sorted(Comparator.comparing((DemoOrder o) -> "USD".equals(o.currency())
					&& o.lines().stream().anyMatch(l -> l.quantity() >= 2)
					&& o.shipments().stream().allMatch(s -> s.deliveredAt().isAfter(lastWeek))))
			.filter(o -> TAKEN.add(o.orderNumber()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no fresh delivered order left in the demo data"));
	}
}
