package io.retailhub.sandbox.backends.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DemoDataTests {

	static final Instant ANCHOR = Instant.parse("2026-11-27T00:00:00Z");

	final DemoData data = DemoData.generate(DemoData.DEFAULT_SEED, ANCHOR, 300, 3000);

	@Test
	void sameSeedAndAnchorGiveTheSameWorld() {
		DemoData again = DemoData.generate(DemoData.DEFAULT_SEED, ANCHOR, 300, 3000);

		assertThat(again.orders()).isEqualTo(data.orders());
		assertThat(again.customers()).isEqualTo(data.customers());
		assertThat(again.stock()).isEqualTo(data.stock());
	}

	@Test
	void isLargeAndVariedEnoughToBeInteresting() {
		assertThat(data.customers()).hasSize(300);
		assertThat(data.orders()).hasSize(3000);
		assertThat(data.orders()).extracting(DemoOrder::channel).contains("WEB", "STORE", "MARKETPLACE");
		assertThat(data.orders()).extracting(DemoOrder::currency).contains("USD", "EUR");
		assertThat(data.orders()).filteredOn(o -> o.shipments().size() > 1).hasSizeGreaterThan(50);
		assertThat(data.orders()).filteredOn(o -> !o.returns().isEmpty()).hasSizeGreaterThan(50);
		assertThat(data.orders()).filteredOn(o -> o.lines().stream().anyMatch(DemoOrderLine::finalSale))
			.hasSizeGreaterThan(50);
		assertThat(data.orders()).filteredOn(o -> o.lines().stream().anyMatch(l -> l.promotionCode() != null))
			.hasSizeGreaterThan(100);
	}

	@Test
	void identifiersAreUnique() {
		assertThat(unique(DemoOrder::orderNumber)).isEqualTo(3000);
		assertThat(unique(DemoOrder::salesOrder)).isEqualTo(3000);
		assertThat(unique(DemoOrder::paymentIntentId)).isEqualTo(3000);
		assertThat(data.customers().stream().map(DemoCustomer::contactId).collect(Collectors.toSet())).hasSize(300);
		assertThat(data.customers().stream().map(DemoCustomer::email).collect(Collectors.toSet())).hasSize(300);
	}

	@Test
	void everyOrderAddsUpAndBelongsToAKnownCustomerInItsCurrency() {
		for (DemoOrder order : data.orders()) {
			DemoCustomer customer = data.customer(order.customerNumber());
			assertThat(customer).isNotNull();
			assertThat(order.currency()).isEqualTo(customer.currency());
			BigDecimal lines = order.lines().stream().map(DemoOrderLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(order.total()).isEqualByComparingTo(lines.add(order.shippingAmount()));
			for (DemoOrderLine line : order.lines()) {
				assertThat(line.netAmount()).isEqualByComparingTo(
						line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).subtract(line.discount()));
				assertThat(data.product(line.sku())).isNotNull();
			}
		}
	}

	@Test
	void shipmentsNeverCarryMoreThanWasOrdered() {
		for (DemoOrder order : data.orders()) {
			Map<String, Integer> ordered = order.lines()
				.stream()
				.collect(Collectors.toMap(DemoOrderLine::itemNumber, DemoOrderLine::quantity));
			Map<String, Integer> shipped = order.shipments()
				.stream()
				.flatMap(s -> s.quantities().entrySet().stream())
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum));
			shipped.forEach((item, quantity) -> assertThat(quantity).isLessThanOrEqualTo(ordered.get(item)));
		}
	}

	@Test
	void showcasesHaveTheirDocumentedShape() {
		DemoOrder delivered = data.order(DemoData.Showcase.DELIVERED_ORDER);
		assertThat(delivered.customerNumber()).isEqualTo(DemoData.Showcase.CUSTOMER);
		assertThat(delivered.fullyDelivered()).isTrue();
		assertThat(delivered.placedAt()).isEqualTo(ANCHOR.minus(Duration.ofDays(10)));
		assertThat(delivered.lines()).hasSize(3);
		assertThat(delivered.lines().get(1).promotionCode()).isEqualTo("SPRING10");
		assertThat(delivered.lines()).noneMatch(DemoOrderLine::finalSale);

		DemoOrder split = data.order(DemoData.Showcase.SPLIT_SHIPMENT_ORDER);
		assertThat(split.shipments()).extracting(DemoShipment::status).containsExactly("delivered", "in_transit");

		DemoOrder partlyReturned = data.order(DemoData.Showcase.PARTLY_RETURNED_ORDER);
		assertThat(partlyReturned.currency()).isEqualTo("EUR");
		assertThat(partlyReturned.channel()).isEqualTo("STORE");
		assertThat(partlyReturned.returns()).singleElement()
			.satisfies(r -> assertThat(r.quantities()).isEqualTo(Map.of("10", 1)));

		DemoOrder finalSale = data.order(DemoData.Showcase.FINAL_SALE_ORDER);
		assertThat(finalSale.lines().get(0).finalSale()).isFalse();
		assertThat(finalSale.lines().get(1).finalSale()).isTrue();
		assertThat(finalSale.lines().get(1).itemNumber()).isEqualTo("20");

		assertThat(data.order(DemoData.Showcase.OLD_ORDER).placedAt()).isBefore(ANCHOR.minus(Duration.ofDays(60)));
		assertThat(data.order(DemoData.Showcase.OPEN_ORDER).shipments()).isEmpty();
		assertThat(data.stock().get(DemoData.Showcase.SKU).values()).allMatch(units -> units > 0);
	}

	@Test
	void datesFollowTheAnchor() {
		Instant later = ANCHOR.plus(Duration.ofDays(30));
		DemoData moved = DemoData.generate(DemoData.DEFAULT_SEED, later, 300, 3000);

		assertThat(moved.order("WEB-100001").placedAt()).isEqualTo(later.minus(Duration.ofDays(10)));
		assertThat(moved.order("WEB-100001").lines()).isEqualTo(data.order("WEB-100001").lines());
	}

	private long unique(Function<DemoOrder, String> key) {
		Set<String> values = data.orders().stream().map(key).collect(Collectors.toSet());
		return values.size();
	}
}
