package io.retailhub.sandbox.backends.erp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoProduct;

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

	private long nextNumber;

	SalesOrderPlacement(DemoData data, SalesOrders salesOrders, SalesOrderService service, Clock clock) {
		this.data = data;
		this.salesOrders = salesOrders;
		this.service = service;
		this.clock = clock;
		this.nextNumber = salesOrders.all()
			.stream()
			.map(SalesOrder::salesOrder)
			.filter(number -> number.chars().allMatch(Character::isDigit))
			.mapToLong(Long::parseLong)
			.max()
			.orElse(4999999) + 1;
	}

	/** The placed order; 400 for an unknown customer, SKU or channel, 409 for an order number in use. */
	synchronized SalesOrder place(String orderNumber, String customerNumber, String channel, List<Line> lines) {
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
		String number = Long.toString(nextNumber);
		String currency = customer.currency();
		String plant = currency.equals("USD") ? "1710" : "1010";
		List<SalesOrderItem> items = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (Line line : lines) {
			DemoProduct product = data.product(line.sku());
			if (product == null || product.price(currency) == null) {
				throw badRequest("unknown SKU '" + line.sku() + "' (or no " + currency + " price)");
			}
			BigDecimal unitPrice = product.price(currency);
			BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(line.quantity()));
			BigDecimal discount = line.discount() == null ? BigDecimal.ZERO : line.discount();
			if (discount.compareTo(gross) > 0) {
				throw badRequest("the discount of " + line.sku() + " exceeds the line's " + gross);
			}
			BigDecimal net = gross.subtract(discount);
			total = total.add(net);
			items.add(new SalesOrderItem(number, Integer.toString((items.size() + 1) * 10), product.sku(),
					product.name(), line.quantity(), unitPrice, discount, net, currency, plant, "A", "A"));
		}
		SalesOrder order = new SalesOrder(number, SalesOrders.salesOrganization(plant), distributionChannel,
				customer.number(), orderNumber, clock.instant().truncatedTo(ChronoUnit.MILLIS), total, currency, "A",
				"A", items);
		salesOrders.add(order);
		service.include(order);
		nextNumber++;
		return order;
	}

	private static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}
}
