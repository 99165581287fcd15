package io.retailhub.sandbox.backends.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.retailhub.sandbox.backends.admin.RecordedEffects;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.DiscountAllocation;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.DiscountApplication;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.DiscountCode;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.LineItem;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.MoneyBag;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.Order;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.PresentmentPrice;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.PriceSet;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.Product;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.Property;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.Refund;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.RefundLineItem;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.ReturnPolicy;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.ShippingLine;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.Transaction;
import io.retailhub.sandbox.backends.commerce.ShopifyPayloads.Variant;
import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoOrder;
import io.retailhub.sandbox.backends.data.DemoOrderLine;
import io.retailhub.sandbox.backends.data.DemoProduct;
import io.retailhub.sandbox.backends.data.DemoReturn;
import io.retailhub.sandbox.backends.data.DemoShipment;

import org.springframework.stereotype.Component;

/**
 * The simulated Shopify store: the demo orders and products in Shopify's shape, and the merchant's
 * return policy. Orders and products are read-only here, so the store is thread-safe without
 * locks; the read counters are atomic.
 *
 * <p>IDs are numeric and derived from the demo numbers, so they are stable across runs: order
 * {@code WEB-100001} has ID {@code 450789000001}, product {@code MAT-1001} has ID
 * {@code 632910001001}.
 */
@Component
class ShopifyStore implements RecordedEffects {

	static final String POLICY_READS = "policy.reads";

	static final String ORDER_READS = "orders.reads";

	static final String PRODUCT_READS = "products.reads";

	static final String SHOP_CURRENCY = "USD";

	private static final long ORDER_ID_BASE = 450_789_000_000L;

	private static final long LINE_ITEM_ID_BASE = 466_157_000_000L;

	private static final long PRODUCT_ID_BASE = 632_910_000_000L;

	private static final long VARIANT_ID_BASE = 808_950_000_000L;

	private static final long REFUND_ID_BASE = 509_562_000_000L;

	private static final long TRANSACTION_ID_BASE = 179_259_000_000L;

	private final DemoData data;

	private final ReturnPolicySettings policy;

	private final Map<Long, DemoOrder> ordersById = new TreeMap<>();

	private final Map<String, Long> orderIdsByName = new HashMap<>();

	private final Map<Long, DemoProduct> productsById = new TreeMap<>();

	private final AtomicLong policyReads = new AtomicLong();

	private final AtomicLong orderReads = new AtomicLong();

	private final AtomicLong productReads = new AtomicLong();

	ShopifyStore(DemoData data, ReturnPolicySettings policy) {
		this.data = data;
		this.policy = policy;
		data.orders().forEach(order -> ordersById.put(orderId(order), order));
		ordersById.forEach((id, order) -> orderIdsByName.putIfAbsent(order.orderNumber(), id));
		data.products().forEach(product -> productsById.put(productId(product.sku()), product));
	}

	/** Orders with an ID above {@code sinceId}, by ID, optionally only the one with this name. */
	List<Order> orders(String name, List<Long> ids, long sinceId, int limit) {
		orderReads.incrementAndGet();
		// a name names one order: look it up instead of walking every order
		Map<Long, DemoOrder> candidates = name == null ? ordersById
				: Optional.ofNullable(orderIdsByName.get(name)).map(id -> Map.of(id, ordersById.get(id))).orElse(Map.of());
		return candidates.entrySet()
			.stream()
			.filter(e -> e.getKey() > sinceId)
			.filter(e -> ids == null || ids.contains(e.getKey()))
			.filter(e -> name == null || e.getValue().orderNumber().equals(name))
			.limit(limit)
			.map(e -> order(e.getValue()))
			.toList();
	}

	Optional<Order> order(long id) {
		orderReads.incrementAndGet();
		return Optional.ofNullable(ordersById.get(id)).map(this::order);
	}

	List<Product> products(List<Long> ids, long sinceId, int limit) {
		productReads.incrementAndGet();
		return productsById.entrySet()
			.stream()
			.filter(e -> e.getKey() > sinceId)
			.filter(e -> ids == null || ids.contains(e.getKey()))
			.limit(limit)
			.map(e -> product(e.getKey(), e.getValue()))
			.toList();
	}

	Optional<Product> product(long id) {
		productReads.incrementAndGet();
		return Optional.ofNullable(productsById.get(id)).map(p -> product(id, p));
	}

	ReturnPolicy returnPolicy() {
		policyReads.incrementAndGet();
		Map<String, String> shippingFees = new LinkedHashMap<>();
		policy.returnShippingFee().forEach((currency, fee) -> shippingFees.put(currency, money(fee)));
		return new ReturnPolicy(policy.defaultWindowDays(), policy.windows(), policy.finalSaleTag(),
				policy.restockingFeePercentage(), shippingFees, policy.freeReturnReasons(), policy.refundShipping());
	}

	private Order order(DemoOrder order) {
		long id = orderId(order);
		String currency = order.currency();
		List<String> codes = order.lines()
			.stream()
			.map(DemoOrderLine::promotionCode)
			.filter(code -> code != null)
			.distinct()
			.toList();
		List<LineItem> items = new ArrayList<>();
		BigDecimal listTotal = BigDecimal.ZERO;
		BigDecimal discounts = BigDecimal.ZERO;
		for (int i = 0; i < order.lines().size(); i++) {
			DemoOrderLine line = order.lines().get(i);
			listTotal = listTotal.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
			discounts = discounts.add(line.discount());
			items.add(lineItem(id, i, line, codes));
		}
		List<DiscountApplication> applications = codes.stream()
			.map(code -> new DiscountApplication("discount_code", code, percentage(code), "percentage", "across",
					"entitled", "line_item"))
			.toList();
		List<DiscountCode> discountCodes = codes.stream()
			.map(code -> new DiscountCode(code,
					money(order.lines()
						.stream()
						.filter(l -> code.equals(l.promotionCode()))
						.map(DemoOrderLine::discount)
						.reduce(BigDecimal.ZERO, BigDecimal::add)),
					"percentage"))
			.toList();
		MoneyBag shipping = new MoneyBag(money(order.shippingAmount()), currency);
		return new Order(id, order.orderNumber(), email(order), currency, sourceName(order.channel()),
				order.placedAt(), order.placedAt(), updatedAt(order), null, null, financialStatus(order),
				fulfillmentStatus(order), money(order.total()), money(listTotal.subtract(discounts)), money(listTotal),
				money(discounts), money(BigDecimal.ZERO), new PriceSet(shipping, shipping), discountCodes,
				applications, List.copyOf(items),
				order.shippingAmount().signum() == 0 ? List.of()
						: List.of(new ShippingLine("Standard Shipping", "STANDARD", money(order.shippingAmount()))),
				refunds(id, order));
	}

	private LineItem lineItem(long orderId, int index, DemoOrderLine line, List<String> codes) {
		List<DiscountAllocation> allocations = line.promotionCode() == null ? List.of()
				: List.of(new DiscountAllocation(money(line.discount()), codes.indexOf(line.promotionCode())));
		List<Property> properties = line.finalSale() ? List.of(new Property("final_sale", "true")) : List.of();
		return new LineItem(lineItemId(orderId, index), productId(line.sku()), variantId(line.sku()), line.sku(),
				line.description(), line.description(), line.quantity(), money(line.unitPrice()),
				money(line.discount()), line.category(), properties, allocations);
	}

	private List<Refund> refunds(long orderId, DemoOrder order) {
		List<Refund> refunds = new ArrayList<>();
		for (DemoReturn demoReturn : order.returns()) {
			long number = Long.parseLong(demoReturn.reference().replaceAll("\\D", ""));
			long refundId = REFUND_ID_BASE + number;
			List<RefundLineItem> lines = new ArrayList<>();
			demoReturn.quantities().forEach((itemNumber, units) -> {
				int index = indexOf(order, itemNumber);
				DemoOrderLine line = order.lines().get(index);
				BigDecimal subtotal = line.netAmount()
					.multiply(BigDecimal.valueOf(units))
					.divide(BigDecimal.valueOf(line.quantity()), 2, RoundingMode.HALF_UP);
				lines.add(new RefundLineItem(refundId * 10 + lines.size(), lineItemId(orderId, index), units, "return",
						money(subtotal), money(BigDecimal.ZERO)));
			});
			Transaction transaction = new Transaction(TRANSACTION_ID_BASE + number, orderId, "refund", "stripe",
					"success", money(demoReturn.refundAmount()), order.currency(), demoReturn.refundId(),
					demoReturn.returnedAt());
			refunds.add(new Refund(refundId, orderId, demoReturn.returnedAt(), demoReturn.returnedAt(),
					demoReturn.reference(), true, List.copyOf(lines), List.of(transaction)));
		}
		return List.copyOf(refunds);
	}

	private Product product(long id, DemoProduct product) {
		String tags = product.category().toLowerCase(Locale.ROOT)
				+ (product.finalSale() ? ", " + policy.finalSaleTag() : "");
		List<PresentmentPrice> prices = new TreeMap<>(product.prices()).entrySet()
			.stream()
			.map(e -> new PresentmentPrice(new MoneyBag(money(e.getValue()), e.getKey())))
			.toList();
		Variant variant = new Variant(variantId(product.sku()), id, "Default Title", product.sku(),
				money(product.price(SHOP_CURRENCY)), 1, prices);
		return new Product(id, product.name(), handle(product), "Retail Hub Demo", product.category(), "active", tags,
				data.anchor().minus(Duration.ofDays(400)), List.of(variant));
	}

	private String email(DemoOrder order) {
		DemoCustomer customer = data.customer(order.customerNumber());
		return customer != null ? customer.email() : null;
	}

	private static Instant updatedAt(DemoOrder order) {
		Instant updated = order.placedAt();
		for (DemoShipment shipment : order.shipments()) {
			updated = later(updated, shipment.shippedAt());
			updated = later(updated, shipment.deliveredAt());
		}
		for (DemoReturn demoReturn : order.returns()) {
			updated = later(updated, demoReturn.returnedAt());
		}
		return updated;
	}

	private static Instant later(Instant a, Instant b) {
		return b != null && b.isAfter(a) ? b : a;
	}

	private static String financialStatus(DemoOrder order) {
		if (order.returns().isEmpty()) {
			return "paid";
		}
		BigDecimal refunded = order.returns()
			.stream()
			.map(DemoReturn::refundAmount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return refunded.compareTo(order.total()) >= 0 ? "refunded" : "partially_refunded";
	}

	/** Null while nothing has shipped, as Shopify sends it. */
	private static String fulfillmentStatus(DemoOrder order) {
		int ordered = order.lines().stream().mapToInt(DemoOrderLine::quantity).sum();
		int shipped = order.shipments()
			.stream()
			.flatMap(s -> s.quantities().values().stream())
			.mapToInt(Integer::intValue)
			.sum();
		return shipped == 0 ? null : shipped >= ordered ? "fulfilled" : "partial";
	}

	private static String sourceName(String channel) {
		return switch (channel) {
			case "STORE" -> "pos";
			case "MARKETPLACE" -> "marketplace";
			default -> "web";
		};
	}

	/** The demo promotion codes carry their percentage in their name: SPRING10 is 10 %. */
	private static String percentage(String code) {
		return new BigDecimal(code.replaceAll("\\D", "")).setScale(1).toPlainString();
	}

	private static int indexOf(DemoOrder order, String itemNumber) {
		for (int i = 0; i < order.lines().size(); i++) {
			if (order.lines().get(i).itemNumber().equals(itemNumber)) {
				return i;
			}
		}
		throw new IllegalStateException(order.orderNumber() + " has no line " + itemNumber);
	}

	private static String handle(DemoProduct product) {
		return (product.name() + " " + product.sku()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	static long orderId(DemoOrder order) {
		return ORDER_ID_BASE + Long.parseLong(order.orderNumber().replaceAll("\\D", "")) - 100_000L;
	}

	static long productId(String sku) {
		return PRODUCT_ID_BASE + Long.parseLong(sku.replaceAll("\\D", ""));
	}

	private static long variantId(String sku) {
		return VARIANT_ID_BASE + Long.parseLong(sku.replaceAll("\\D", ""));
	}

	private static long lineItemId(long orderId, int index) {
		return LINE_ITEM_ID_BASE + (orderId - ORDER_ID_BASE) * 10 + index;
	}

	@Override
	public String backend() {
		return "commerce";
	}

	@Override
	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put(POLICY_READS, policyReads.get());
		counts.put(ORDER_READS, orderReads.get());
		counts.put(PRODUCT_READS, productReads.get());
		return counts;
	}
}
