package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoProduct;
import io.retailhub.sandbox.backends.state.NumberRange;
import io.retailhub.sandbox.backends.state.SandboxState;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Places a new sales order, as the commerce integration would: priced from the product catalog
 * (PPR0 list price in the customer's currency, minus an optional promotion discount per line),
 * sold from the customer's plant, nothing shipped yet, and {@code LastChangeDateTime} now. The
 * customer-facing number ({@code PurchaseOrderByCustomer}) must be new: the hub finds orders by it.
 */
@Component
class SalesOrderPlacement {

	/** A line to place: {@code discount} is the promotion's share of the whole line (zero for none). */
	record Line(String sku, int quantity, BigDecimal discount) {
	}

	private final DemoData data;

	private final SalesOrders salesOrders;

	private final SalesOrderService service;

	private final Clock clock;

	private final SandboxState state;

	/** Document numbers after the seeded orders'. */
	private final NumberRange numbers;

	SalesOrderPlacement(DemoData data, SalesOrders salesOrders, SalesOrderService service, Clock clock,
			SandboxState state) {
		this.data = data;
		this.salesOrders = salesOrders;
		this.service = service;
		this.clock = clock;
		this.state = state;
		this.numbers = state.numbers("erp.sales-orders", salesOrders.all()
			.stream()
			.map(SalesOrder::salesOrder)
			.filter(number -> number.chars().allMatch(Character::isDigit))
			.mapToLong(Long::parseLong)
			.max()
			.orElse(4999999) + 1);
	}

	/** The placed order; 400 for an unknown customer, SKU or channel, 409 for an order number in use. */
	SalesOrder place(String orderNumber, String customerNumber, String channel, List<Line> lines) {
		return state.change(() -> doPlace(orderNumber, customerNumber, channel, lines));
	}

	/** Puts saved orders in place, placed as they were, their numbers never handed out again. */
	synchronized void restore(List<SalesOrder> placed) {
		salesOrders.add(placed);
		service.include(placed);
		placed.forEach(order -> numbers.skipTo(Long.parseLong(order.salesOrder()) + 1));
	}

	private synchronized SalesOrder doPlace(String orderNumber, String customerNumber, String channel,
			List<Line> lines) {
		DemoCustomer customer = data.customer(customerNumber);
		if (customer == null) {
			throw badRequest("unknown customer '" + customerNumber + "'");
		}
		if (salesOrders.all().stream().anyMatch(o -> orderNumber.equals(o.purchaseOrderByCustomer()))) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "order number " + orderNumber + " is in use");
		}
		String distributionChannel;
		try {
			distributionChannel = SalesOrders.distributionChannel(channel);
		}
		catch (IllegalArgumentException ex) {
			throw badRequest("channel must be WEB, STORE or MARKETPLACE");
		}
		String currency = customer.currency();
		String plant = currency.equals("USD") ? "1710" : "1010";
		List<DemoProduct> products = new ArrayList<>();
		for (Line line : lines) {
			DemoProduct product = data.product(line.sku());
			if (product == null || product.price(currency) == null) {
				throw badRequest("unknown SKU '" + line.sku() + "' (or no " + currency + " price)");
			}
			BigDecimal gross = product.price(currency).multiply(BigDecimal.valueOf(line.quantity()));
			if (discount(line).compareTo(gross) > 0) {
				throw badRequest("the discount of " + line.sku() + " exceeds the line's " + gross);
			}
			products.add(product);
		}
		String number = Long.toString(numbers.next());
		List<SalesOrderItem> items = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			DemoProduct product = products.get(i);
			BigDecimal unitPrice = product.price(currency);
			BigDecimal net = unitPrice.multiply(BigDecimal.valueOf(line.quantity())).subtract(discount(line));
			total = total.add(net);
			items.add(new SalesOrderItem(number, Integer.toString((i + 1) * 10), product.sku(), product.name(),
					line.quantity(), unitPrice, discount(line), net, currency, plant, "A", "A"));
		}
		SalesOrder order = new SalesOrder(number, SalesOrders.salesOrganization(plant), distributionChannel,
				customer.number(), orderNumber, clock.instant().truncatedTo(ChronoUnit.MILLIS), total, currency, "A",
				"A", items);
		salesOrders.add(List.of(order));
		service.include(List.of(order));
		return order;
	}

	private static BigDecimal discount(Line line) {
		return line.discount() == null ? BigDecimal.ZERO : line.discount();
	}

	private static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}
}
