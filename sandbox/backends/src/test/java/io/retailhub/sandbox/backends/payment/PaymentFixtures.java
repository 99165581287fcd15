package io.retailhub.sandbox.backends.payment;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;

/**
 * Demo orders for payment tests. Tests share one sandbox whose account changes as they run, so
 * each test takes orders nobody has touched yet: captured, never refunded, from the end of the
 * demo world where showcases and examples do not look.
 */
final class PaymentFixtures {

	private static final AtomicInteger taken = new AtomicInteger();

	private PaymentFixtures() {
	}

	/** A captured order without refunds that no other test has used, in the given currency. */
	static DemoOrder untouchedCapturedOrder(DemoData data, String currency) {
		List<DemoOrder> candidates = data.orders()
			.stream()
			.filter(o -> !o.shipments().isEmpty() && o.returns().isEmpty() && o.currency().equals(currency))
			.toList();
		return candidates.get(candidates.size() - 1 - taken.getAndIncrement());
	}

	/** An order placed but not shipped: its payment is authorized, not captured. */
	static DemoOrder uncapturedOrder(DemoData data) {
		return data.orders().stream().filter(o -> o.shipments().isEmpty()).findFirst().orElseThrow();
	}

	/** An order with a refund from before the hub. */
	static DemoOrder partlyRefundedOrder(DemoData data) {
		return data.order(DemoData.Showcase.PARTLY_RETURNED_ORDER);
	}

	static long totalMinorUnits(DemoOrder order) {
		return order.total().movePointRight(2).longValueExact();
	}
}
