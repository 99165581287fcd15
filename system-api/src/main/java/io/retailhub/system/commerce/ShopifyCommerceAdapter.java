package io.retailhub.system.commerce;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.retailhub.contracts.Money;
import io.retailhub.contracts.OrderId;
import io.retailhub.contracts.ReturnReason;
import io.retailhub.contracts.Sku;
import io.retailhub.system.backend.BackendCalls;
import io.retailhub.system.backend.BackendRestClients;
import io.retailhub.system.backend.Backends;
import io.retailhub.system.commerce.ShopifyPayloads.DiscountAllocation;
import io.retailhub.system.commerce.ShopifyPayloads.LineItem;
import io.retailhub.system.commerce.ShopifyPayloads.Orders;
import io.retailhub.system.commerce.ShopifyPayloads.Product;
import io.retailhub.system.commerce.ShopifyPayloads.Products;
import io.retailhub.system.commerce.ShopifyPayloads.ReturnPolicyEnvelope;
import io.retailhub.system.commerce.ShopifyPayloads.ShopifyOrder;
import io.retailhub.system.commerce.ShopifyPayloads.StoreReturnPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The hub's way into the Shopify store (Admin REST API): the merchant's return policy and orders
 * as sold, with their promotions and final-sale flags. Every call is a read under the commerce
 * platform's resilience policies ({@link BackendCalls}).
 *
 * <p>How the store's data is read:
 * <ul>
 * <li>an order is found by its {@code name} (the customer-facing order number) with
 * {@code status=any}, since Shopify hides closed orders otherwise;</li>
 * <li>a line's category is its product's {@code product_type}, read from {@code products.json}
 * in the same lookup (Shopify line items do not carry it);</li>
 * <li>a line is final sale when the storefront recorded the line item property
 * {@code final_sale = true} at checkout, so a product tagged later does not change what was
 * sold;</li>
 * <li>a line's discount is the sum of its {@code discount_allocations}, covering all its units;</li>
 * <li>the return policy comes from {@code return_policy.json}, a resource of the sandbox store
 * (real Shopify keeps return rules in its admin), and is cached for
 * {@code retailhub.backends.commerce.policy-cache-ttl}.</li>
 * </ul>
 */
@Component
public class ShopifyCommerceAdapter {

	private static final Logger log = LoggerFactory.getLogger(ShopifyCommerceAdapter.class);

	static final String ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token";

	static final String FINAL_SALE_PROPERTY = "final_sale";

	/** Shopify's page size limit; an order has far fewer distinct products. */
	private static final int MAX_PRODUCTS = 250;

	private final ShopifyClient client;

	private final BackendCalls calls;

	private final Clock clock;

	private final Duration policyCacheTtl;

	private final AtomicReference<CachedPolicy> policy = new AtomicReference<>();

	ShopifyCommerceAdapter(CommerceSettings settings, BackendRestClients clients, BackendCalls calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
		this.policyCacheTtl = settings.policyCacheTtl();
		this.client = clients.createClient(clients
			.forBackend(Backends.COMMERCE, settings.baseUrl() + "/admin/api/" + settings.apiVersion(), settings.connectTimeout(),
					settings.readTimeout())
			.defaultHeader(ACCESS_TOKEN_HEADER, settings.accessToken())
			.defaultStatusHandler(new ShopifyErrors()), ShopifyClient.class);
	}

	/** The store's return rules; served from a short cache, read again once it expires. */
	public ReturnPolicy findReturnPolicy() {
		Instant now = clock.instant();
		CachedPolicy cached = policy.get();
		if (cached != null && now.isBefore(cached.expiresAt())) {
			return cached.policy();
		}
		ReturnPolicy fresh = calls.read(Backends.COMMERCE, () -> returnPolicy(client.returnPolicy()));
		policy.set(new CachedPolicy(fresh, now.plus(policyCacheTtl)));
		return fresh;
	}

	/** The order as sold, or empty when the store has no order of that number. */
	public Optional<CommerceOrder> findOrder(OrderId orderId) {
		return calls.read(Backends.COMMERCE, () -> {
			Orders orders = client.orders(orderId.value(), "any");
			Optional<ShopifyOrder> match = orders == null || orders.orders() == null ? Optional.empty()
					: orders.orders().stream().filter(o -> orderId.value().equals(o.name())).findFirst();
			return match.map(order -> order(orderId, order, products(order)));
		});
	}

	private Map<Long, Product> products(ShopifyOrder order) {
		String ids = lineItems(order).stream()
			.map(LineItem::productId)
			.filter(Objects::nonNull)
			.distinct()
			.map(String::valueOf)
			.collect(Collectors.joining(","));
		if (ids.isEmpty()) {
			return Map.of();
		}
		Products products = client.products(ids, MAX_PRODUCTS);
		if (products == null || products.products() == null) {
			return Map.of();
		}
		return products.products()
			.stream()
			.filter(p -> p.id() != null)
			.collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> a));
	}

	private static CommerceOrder order(OrderId orderId, ShopifyOrder order, Map<Long, Product> products) {
		Currency currency = Money.currency(order.currency());
		List<CommerceOrderLine> lines = new ArrayList<>();
		for (LineItem item : lineItems(order)) {
			if (item.sku() == null || item.sku().isBlank()) {
				// a custom item without SKU matches no ERP line and no policy rule
				log.debug("order {} line item {} has no SKU; skipped", orderId, item.id());
				continue;
			}
			Product product = item.productId() == null ? null : products.get(item.productId());
			String category = product == null || product.productType() == null || product.productType().isBlank()
					? null : product.productType();
			lines.add(new CommerceOrderLine(Sku.of(item.sku()), item.title(), category, finalSale(item),
					item.quantity() == null ? 0 : item.quantity(), money(item.price(), currency),
					discount(item, currency)));
		}
		return new CommerceOrder(orderId, currency, order.createdAt() == null ? null : order.createdAt().toInstant(),
				lines);
	}

	private static List<LineItem> lineItems(ShopifyOrder order) {
		return order.lineItems() == null ? List.of() : order.lineItems();
	}

	private static boolean finalSale(LineItem item) {
		return item.properties() != null && item.properties()
			.stream()
			.anyMatch(p -> FINAL_SALE_PROPERTY.equals(p.name()) && "true".equalsIgnoreCase(p.value()));
	}

	private static Money discount(LineItem item, Currency currency) {
		Money total = Money.zero(currency);
		if (item.discountAllocations() != null) {
			for (DiscountAllocation allocation : item.discountAllocations()) {
				total = total.plus(money(allocation.amount(), currency));
			}
		}
		return total;
	}

	private static Money money(String amount, Currency currency) {
		return new Money(amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount), currency);
	}

	private static ReturnPolicy returnPolicy(ReturnPolicyEnvelope envelope) {
		StoreReturnPolicy p = envelope == null || envelope.returnPolicy() == null
				? new StoreReturnPolicy(null, null, null, null, null, null, null) : envelope.returnPolicy();
		Map<String, Money> shippingFees = new LinkedHashMap<>();
		if (p.returnShippingFee() != null) {
			p.returnShippingFee().forEach((currency, fee) -> {
				try {
					shippingFees.put(currency, Money.of(fee, currency));
				}
				catch (RuntimeException ex) {
					log.warn("commerce return policy has an unusable shipping fee '{}' for '{}'; ignored", fee,
							currency);
				}
			});
		}
		Set<ReturnReason> freeReasons = EnumSet.noneOf(ReturnReason.class);
		if (p.freeReturnReasons() != null) {
			for (String reason : p.freeReturnReasons()) {
				try {
					freeReasons.add(ReturnReason.valueOf(String.valueOf(reason).toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					// the store may know reasons the hub does not; they simply never match
					log.warn("commerce return policy names unknown return reason '{}'; ignored", reason);
				}
			}
		}
		// a policy that states no default window grants none: the hub never invents return rights
		return new ReturnPolicy(p.defaultWindowDays() == null ? 0 : p.defaultWindowDays(), p.windows(),
				p.finalSaleTag(), p.restockingFeePercentage(), shippingFees, freeReasons,
				Boolean.TRUE.equals(p.refundShipping()));
	}

	private record CachedPolicy(ReturnPolicy policy, Instant expiresAt) {
	}
}
