package io.retailhub.system.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoReturn;
import io.retailhub.system.support.Sandbox;

/**
 * Demo orders for payment and refund tests. All tests of a JVM share one sandbox whose payment
 * account changes as they run, so each test takes captured orders nobody has refunded yet, from the
 * end of the demo world where showcases and examples do not look.
 */
public final class PaymentTestOrders {

	private static final AtomicInteger taken = new AtomicInteger();

	private PaymentTestOrders() {
	}

	/** A captured, never refunded order in the given currency that no other test has used. */
	public static DemoOrder untouchedCapturedOrder(String currency) {
		List<DemoOrder> candidates = Sandbox.data()
			.orders()
			.stream()
			.filter(o -> !o.shipments().isEmpty() && o.returns().isEmpty() && o.currency().equals(currency))
			.toList();
		return candidates.get(candidates.size() - 1 - taken.getAndIncrement());
	}

	/** A seeded order partly refunded before the hub existed, not one of the showcases. */
	public static DemoOrder seededRefundedOrder() {
		List<DemoOrder> refunded = Sandbox.data()
			.orders()
			.stream()
			.filter(o -> !o.returns().isEmpty())
			.filter(o -> o.returns().stream().map(DemoReturn::refundAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
				.compareTo(o.total()) < 0)
			.toList();
		return refunded.get(refunded.size() - 1);
	}

	/** An order placed but not shipped: its payment is authorized, not captured. */
	public static DemoOrder uncapturedOrder() {
		return Sandbox.data().orders().stream().filter(o -> o.shipments().isEmpty()).reduce((a, b) -> b).orElseThrow();
	}
}
