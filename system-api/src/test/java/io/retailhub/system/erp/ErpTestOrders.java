package io.retailhub.system.erp;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.system.support.Sandbox;

/**
 * Demo orders for tests that create ERP documents. All tests of a JVM share one sandbox, and
 * returns change what is still returnable, so each test takes delivered orders without returns
 * that no other test has taken, from the middle of the demo world: the showcases at the start
 * and the payment tests' orders at the end stay untouched.
 */
public final class ErpTestOrders {

	private static final int FIRST = 1000;

	private static final AtomicInteger taken = new AtomicInteger();

	private ErpTestOrders() {
	}

	/** A delivered order with no returns yet whose first line has at least {@code units} units. */
	public static DemoOrder untouchedDeliveredOrder(int units) {
		List<DemoOrder> orders = Sandbox.data().orders();
		for (int i = FIRST + taken.getAndIncrement(); i < orders.size(); i = FIRST + taken.getAndIncrement()) {
			DemoOrder order = orders.get(i);
			if (order.fullyDelivered() && order.returns().isEmpty() && order.lines().get(0).quantity() >= units) {
				return order;
			}
		}
		throw new IllegalStateException("no untouched delivered orders left in the demo data");
	}

	/** A delivered order with no returns yet, billed in two invoices (two parcels), of two lines or more. */
	public static DemoOrder untouchedOrderBilledTwice() {
		List<DemoOrder> orders = Sandbox.data().orders();
		for (int i = FIRST + taken.getAndIncrement(); i < orders.size(); i = FIRST + taken.getAndIncrement()) {
			DemoOrder order = orders.get(i);
			if (order.fullyDelivered() && order.returns().isEmpty() && order.invoices().size() == 2) {
				return order;
			}
		}
		throw new IllegalStateException("no untouched delivered orders billed twice left in the demo data");
	}

	/** A reference no other test uses, at most 35 characters as ERP allows. */
	public static String reference(String prefix) {
		String unique = prefix + "-" + UUID.randomUUID().toString().replace("-", "");
		return unique.substring(0, Math.min(35, unique.length()));
	}
}
