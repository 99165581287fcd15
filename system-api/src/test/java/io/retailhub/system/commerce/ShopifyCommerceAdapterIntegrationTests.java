package io.retailhub.system.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.faults.Backend;
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRejectedException;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.BackendUnavailableException;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** The Shopify adapter against the sandbox store, over real HTTP. */
@SystemApiIntegrationTest
class ShopifyCommerceAdapterIntegrationTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final Currency EUR = Currency.getInstance("EUR");

	@Autowired
	ShopifyCommerceAdapter commerce;

	@Autowired
	CommerceSettings settings;

	@Autowired
	BackendRestClients clients;

	@Autowired
	BackendCalls calls;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Test
	void mapsTheStoresReturnPolicy() {
		ReturnPolicy policy = commerce.findReturnPolicy();

		assertThat(policy.defaultWindowDays()).isEqualTo(30);
		assertThat(policy.windowDaysByCategory()).containsOnly(Map.entry("APPAREL", 30), Map.entry("FOOTWEAR", 30),
				Map.entry("HOME", 30), Map.entry("ELECTRONICS", 14), Map.entry("BEAUTY", 14));
		assertThat(policy.windowDays("ELECTRONICS")).isEqualTo(14);
		assertThat(policy.finalSaleTag()).isEqualTo("final-sale");
		assertThat(policy.restockingFeeRate("ELECTRONICS")).isEqualByComparingTo("0.15");
		assertThat(policy.restockingFeeRate("APPAREL")).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(policy.returnShippingFee(USD)).contains(Money.of("6.95", "USD"));
		assertThat(policy.returnShippingFee(EUR)).contains(Money.of("4.95", "EUR"));
		assertThat(policy.freeReturnReasons()).containsExactlyInAnyOrder(ReturnReason.DEFECTIVE,
				ReturnReason.DAMAGED, ReturnReason.WRONG_ITEM, ReturnReason.NOT_AS_DESCRIBED);
		assertThat(policy.refundShipping()).isFalse();
	}

	@Test
	void servesThePolicyFromItsCacheUntilTheCacheExpires() {
		// given an adapter of its own, on a clock the test moves
		MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
		ShopifyCommerceAdapter adapter = new ShopifyCommerceAdapter(settings, clients, calls, clock);
		long before = policyReads();

		// when it is asked twice within the cache's lifetime
		adapter.findReturnPolicy();
		adapter.findReturnPolicy();

		// then the store was read once
		assertThat(policyReads()).isEqualTo(before + 1);

		// and when the cache has expired, the next answer is a fresh read
		clock.advance(settings.policyCacheTtl());
		assertThat(adapter.findReturnPolicy().defaultWindowDays()).isEqualTo(30);
		assertThat(policyReads()).isEqualTo(before + 2);
	}

	@Test
	void mapsTheLinesOfAnOrderAsSoldWithTheirPromotion() {
		// given the delivered showcase, whose line 20 was bought with SPRING10
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.DELIVERED_ORDER);

		// when
		CommerceOrder sold = commerce.findOrder(OrderId.of(order.orderNumber())).orElseThrow();

		// then
		assertThat(sold.id()).isEqualTo(OrderId.of(order.orderNumber()));
		assertThat(sold.currency()).isEqualTo(USD);
		assertThat(sold.createdAt()).isEqualTo(order.placedAt());
		assertThat(sold.lines()).containsExactlyElementsOf(expectedLines(order));
		CommerceOrderLine promoted = sold.lines().get(1);
		assertThat(promoted.discount().isPositive()).isTrue();
		assertThat(promoted.discount())
			.isEqualTo(promoted.unitPrice().times(promoted.quantity()).times(new BigDecimal("0.10")));
		assertThat(sold.lines().get(2).discount()).isEqualTo(Money.zero(USD));
	}

	@Test
	void marksTheFinalSaleLineOfTheMarketplaceShowcase() {
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.FINAL_SALE_ORDER);

		CommerceOrder sold = commerce.findOrder(OrderId.of(order.orderNumber())).orElseThrow();

		assertThat(sold.lines()).containsExactlyElementsOf(expectedLines(order));
		assertThat(sold.lines().get(1).finalSale()).isTrue();
		assertThat(sold.lines().get(1).sku()).isEqualTo(Sku.of(order.lines().get(1).sku()));
	}

	@Test
	void mapsAnOrderSoldInEuros() {
		DemoOrder order = Sandbox.data().order(DemoData.Showcase.PARTLY_RETURNED_ORDER);

		CommerceOrder sold = commerce.findOrder(OrderId.of(order.orderNumber())).orElseThrow();

		assertThat(sold.currency()).isEqualTo(EUR);
		assertThat(sold.lines()).containsExactlyElementsOf(expectedLines(order));
	}

	@Test
	void findsNoOrderTheStoreDoesNotKnow() {
		assertThat(commerce.findOrder(OrderId.of("WEB-999999"))).isEmpty();
	}

	@Test
	void treatsAWrongAccessTokenAsARejectionThatLeavesTheBreakerClosed() {
		// given an adapter configured with a token the store does not accept
		ShopifyCommerceAdapter misconfigured = new ShopifyCommerceAdapter(new CommerceSettings(settings.baseUrl(),
				"shpat_wrong", settings.apiVersion(), settings.connectTimeout(), settings.readTimeout(),
				settings.policyCacheTtl()), clients, calls, Clock.systemUTC());

		// when / then
		for (int i = 0; i < 6; i++) {
			assertThatExceptionOfType(BackendRejectedException.class)
				.isThrownBy(() -> misconfigured.findOrder(OrderId.of(DemoData.Showcase.DELIVERED_ORDER)))
				.satisfies(ex -> {
					assertThat(ex.backend()).isEqualTo(Backends.COMMERCE);
					assertThat(ex.status()).isEqualTo(401);
					assertThat(ex.code()).isEqualTo("unauthorized");
				});
		}
		assertThat(circuitBreakers.circuitBreaker(Backends.COMMERCE).getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void reportsACommerceOutageAsUnavailable() {
		// given a fresh adapter, so no cached policy can answer
		ShopifyCommerceAdapter adapter = new ShopifyCommerceAdapter(settings, clients, calls, Clock.systemUTC());
		Sandbox.outage(Backend.COMMERCE);

		assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(adapter::findReturnPolicy)
			.satisfies(ex -> assertThat(ex.backend()).isEqualTo(Backends.COMMERCE));
	}

	/** The lines the demo data says were sold, as the adapter should report them. */
	private static List<CommerceOrderLine> expectedLines(DemoOrder order) {
		return order.lines()
			.stream()
			.map(l -> new CommerceOrderLine(Sku.of(l.sku()), l.description(), l.category(), l.finalSale(),
					l.quantity(), Money.of(l.unitPrice(), order.currency()), Money.of(l.discount(), order.currency())))
			.toList();
	}

	private static long policyReads() {
		Map<String, Map<String, Long>> effects = RestClient.create(Sandbox.baseUrl())
			.get()
			.uri("/admin/effects")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return effects.get("commerce").get("policy.reads");
	}
}
