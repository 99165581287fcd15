package io.retailhub.process.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.retailhub.contracts.CustomerId;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.Order;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.OrderLine;
import io.retailhub.contracts.OrderStatus;
import io.retailhub.contracts.SalesChannel;
import io.retailhub.contracts.Sku;
import io.retailhub.contracts.events.OrderConfirmed;
import org.junit.jupiter.api.Test;

class OrderConfirmationsTests {

	static final Instant PLACED = Instant.parse("2026-03-14T09:26:53Z");

	static final Instant NOW = Instant.parse("2026-03-14T09:27:00Z");

	@Test
	void confirmsAnOpenOrderWithItsLinesPricesAndTotal() {
		Order order = order(OrderStatus.OPEN, line("10", 2, "24.99", "44.98"), line("20", 1, "10.00", "10.00"));

		OrderConfirmed confirmed = OrderConfirmations.of(order, NOW).orElseThrow();

		assertThat(confirmed.orderId()).isEqualTo(OrderId.of("WEB-100042"));
		assertThat(confirmed.customerId()).isEqualTo(CustomerId.of("17100001"));
		assertThat(confirmed.channel()).isEqualTo(SalesChannel.WEB);
		assertThat(confirmed.placedAt()).isEqualTo(PLACED);
		assertThat(confirmed.occurredAt()).isEqualTo(NOW);
		assertThat(confirmed.total()).isEqualTo(Money.of("54.98", "USD"));
		assertThat(confirmed.lines()).containsExactly(
				new OrderConfirmed.Line("10", Sku.of("TS-BLU-M"), 2, Money.of("24.99", "USD"), Money.of("44.98", "USD")),
				new OrderConfirmed.Line("20", Sku.of("TS-BLU-M"), 1, Money.of("10.00", "USD"), Money.of("10.00", "USD")));
	}

	@Test
	void confirmsAnOrderThatAlreadyShipped() {
		assertThat(OrderConfirmations.of(order(OrderStatus.SHIPPED, line("10", 1, "5.00", "5.00")), NOW)).isPresent();
	}

	@Test
	void leavesOutLinesWithoutUnitsAndConfirmsNothingWithoutAnyLine() {
		Order partly = order(OrderStatus.OPEN, line("10", 0, "5.00", "0.00"), line("20", 1, "5.00", "5.00"));
		Order empty = order(OrderStatus.OPEN, line("10", 0, "5.00", "0.00"));

		assertThat(OrderConfirmations.of(partly, NOW).orElseThrow().lines()).extracting(OrderConfirmed.Line::lineNumber)
			.containsExactly("20");
		assertThat(OrderConfirmations.of(empty, NOW)).isEmpty();
		assertThat(OrderConfirmations.of(order(OrderStatus.OPEN), NOW)).isEmpty();
	}

	@Test
	void confirmsNothingForACancelledOrder() {
		assertThat(OrderConfirmations.of(order(OrderStatus.CANCELLED, line("10", 1, "5.00", "5.00")), NOW)).isEmpty();
	}

	private static Order order(OrderStatus status, OrderLine... lines) {
		Money total = List.of(lines)
			.stream()
			.map(OrderLine::netAmount)
			.reduce(Money.of("0.00", "USD"), (a, b) -> Money.of(a.amount().add(b.amount()), "USD"));
		return new Order(OrderId.of("WEB-100042"), CustomerId.of("17100001"), SalesChannel.WEB, status, PLACED, total,
				List.of(lines), List.of(), null);
	}

	private static OrderLine line(String number, int quantity, String unitPrice, String netAmount) {
		return new OrderLine(number, Sku.of("TS-BLU-M"), "Tee", quantity, Money.of(unitPrice, "USD"),
				Money.of(netAmount, "USD"));
	}
}
