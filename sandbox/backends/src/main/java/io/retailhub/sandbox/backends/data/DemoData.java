package io.retailhub.sandbox.backends.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The demo world every simulated backend starts from: the same customers in CRM and ERP, the same
 * orders in ERP, commerce, the warehouse and the payment provider. Everything is derived from one
 * seed, so two runs with the same seed and anchor produce identical data. Dates are placed
 * relative to the anchor (the start of the current day by default) so that return windows stay
 * meaningful whenever the sandbox runs.
 *
 * <p>The first orders are hand-placed showcases with stable meaning (see {@link Showcase}); the
 * rest are random but seeded.
 */
public final class DemoData {

	/** Orders with a fixed shape, for documentation, examples and tests. */
	public static final class Showcase {

		/** Delivered 10 days ago, three lines, one with a promotion: returnable. Customer 17100001, USD. */
		public static final String DELIVERED_ORDER = "WEB-100001";

		/** Two shipments: one delivered, one still in transit. Customer 17100001, USD. */
		public static final String SPLIT_SHIPMENT_ORDER = "WEB-100002";

		/** Store order in EUR, one unit of line 10 already returned and refunded. Customer 17100002. */
		public static final String PARTLY_RETURNED_ORDER = "STR-100003";

		/** Marketplace order whose line 20 is a final-sale item. Customer 17100003, USD. */
		public static final String FINAL_SALE_ORDER = "MKT-100004";

		/** Delivered 80 days ago: outside every return window. Customer 17100001, USD. */
		public static final String OLD_ORDER = "WEB-100005";

		/** Placed today, not shipped yet. Customer 17100004. */
		public static final String OPEN_ORDER = "WEB-100006";

		/** First seeded customer (USD, United States). */
		public static final String CUSTOMER = "17100001";

		/** A product with stock in every location. */
		public static final String SKU = "MAT-1001";

		private Showcase() {
		}
	}

	public static final long DEFAULT_SEED = 20261127L;

	private static final String[] FIRST_NAMES = { "Maria", "James", "Anna", "Liam", "Sofia", "Noah", "Emma", "Lucas",
			"Olivia", "Elias", "Mia", "Ben", "Hannah", "Jonas", "Lea", "Felix", "Chloe", "Louis", "Zoe", "Paul",
			"Grace", "Henry", "Ella", "Jack", "Nora", "Leo", "Ava", "Max", "Ivy", "Oscar" };

	private static final String[] LAST_NAMES = { "Schneider", "Johnson", "Martin", "Garcia", "Smith", "Weber",
			"Dubois", "Rossi", "Brown", "Fischer", "Moreau", "Lopez", "Wilson", "Becker", "Bernard", "Clark", "Wagner",
			"Petit", "Young", "Hoffmann", "Lewis", "Richter", "Durand", "Walker", "Koch", "Hall", "Allen", "Klein" };

	private record Country(String code, String currency, String plant, String[] cities, String[] regions) {
	}

	private static final List<Country> COUNTRIES = List.of(
			new Country("US", "USD", "1710", new String[] { "Columbus", "Austin", "Denver", "Portland", "Raleigh" },
					new String[] { "OH", "TX", "CO", "OR", "NC" }),
			new Country("DE", "EUR", "1010", new String[] { "Berlin", "Hamburg", "Munich", "Cologne" },
					new String[] { "BE", "HH", "BY", "NW" }),
			new Country("FR", "EUR", "1010", new String[] { "Lyon", "Paris", "Lille" },
					new String[] { "ARA", "IDF", "HDF" }));

	private static final String[] CATEGORIES = { "APPAREL", "FOOTWEAR", "ELECTRONICS", "HOME", "BEAUTY" };

	private static final Map<String, String[]> PRODUCT_NAMES = Map.of("APPAREL",
			new String[] { "Linen Shirt", "Wool Sweater", "Rain Jacket", "Chino Trousers", "Cotton Tee", "Denim Jeans" },
			"FOOTWEAR", new String[] { "Trail Runner", "Leather Boot", "Canvas Sneaker", "Sandal" }, "ELECTRONICS",
			new String[] { "Wireless Earbuds", "Smart Watch", "Bluetooth Speaker", "E-Reader", "Power Bank" }, "HOME",
			new String[] { "Cast Iron Pan", "Throw Blanket", "Desk Lamp", "Ceramic Mug Set", "Bath Towel Set" },
			"BEAUTY", new String[] { "Face Serum", "Hand Cream", "Perfume", "Shampoo Bar" });

	private static final String[] ADJECTIVES = { "Classic", "Urban", "Alpine", "Coastal", "Studio", "Nordic" };

	private static final String[] CARRIERS = { "UPS", "FedEx", "USPS", "DHL" };

	private static final List<String> PROMOTIONS = List.of("SPRING10", "LOYAL15", "BUNDLE20");

	private static final List<DemoLocation> LOCATIONS = List.of(
			new DemoLocation("DC-EAST", "Distribution Center East (Columbus)", "DC", "1710", "US"),
			new DemoLocation("DC-WEST", "Distribution Center West (Reno)", "DC", "1710", "US"),
			new DemoLocation("DC-EU", "Distribution Center Europe (Venlo)", "DC", "1010", "DE"),
			new DemoLocation("STORE-NYC", "Store New York 5th Ave", "STORE", "1710", "US"),
			new DemoLocation("STORE-BER", "Store Berlin Mitte", "STORE", "1010", "DE"));

	private final long seed;

	private final Instant anchor;

	private final List<DemoCustomer> customers;

	private final List<DemoProduct> products;

	private final List<DemoOrder> orders;

	private final Map<String, Map<String, Integer>> stock;

	private final Map<String, DemoCustomer> customersByNumber;

	private final Map<String, DemoProduct> productsBySku;

	private final Map<String, DemoOrder> ordersByNumber;

	private DemoData(long seed, Instant anchor, List<DemoCustomer> customers, List<DemoProduct> products,
			List<DemoOrder> orders, Map<String, Map<String, Integer>> stock) {
		this.seed = seed;
		this.anchor = anchor;
		this.customers = List.copyOf(customers);
		this.products = List.copyOf(products);
		this.orders = List.copyOf(orders);
		this.stock = Collections.unmodifiableMap(stock);
		this.customersByNumber = index(customers, DemoCustomer::number);
		this.productsBySku = index(products, DemoProduct::sku);
		this.ordersByNumber = index(orders, DemoOrder::orderNumber);
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
		Map<String, T> index = new LinkedHashMap<>();
		items.forEach(item -> index.put(key.apply(item), item));
		return Collections.unmodifiableMap(index);
	}

	/**
	 * Generates the demo world.
	 * @param seed the random seed; the same seed gives the same world
	 * @param anchor the "now" the data is placed around (dates are anchor minus some days)
	 * @param customerCount number of customers (at least 4)
	 * @param orderCount number of orders (at least 6, the showcases)
	 */
	public static DemoData generate(long seed, Instant anchor, int customerCount, int orderCount) {
		if (customerCount < 4 || orderCount < 6) {
			throw new IllegalArgumentException("need at least 4 customers and 6 orders for the showcases");
		}
		return new Generator(seed, anchor.truncatedTo(ChronoUnit.SECONDS)).generate(customerCount, orderCount);
	}

	public long seed() {
		return seed;
	}

	public Instant anchor() {
		return anchor;
	}

	public List<DemoCustomer> customers() {
		return customers;
	}

	public List<DemoProduct> products() {
		return products;
	}

	public List<DemoOrder> orders() {
		return orders;
	}

	public List<DemoLocation> locations() {
		return LOCATIONS;
	}

	/** Units on hand per SKU per location ID. */
	public Map<String, Map<String, Integer>> stock() {
		return stock;
	}

	public DemoCustomer customer(String number) {
		return customersByNumber.get(number);
	}

	public DemoProduct product(String sku) {
		return productsBySku.get(sku);
	}

	public DemoOrder order(String orderNumber) {
		return ordersByNumber.get(orderNumber);
	}

	private static final class Generator {

		private final Random random;

		private final Instant anchor;

		private final long seed;

		private int shipmentSequence = 1;

		private int returnSequence = 1;

		private int invoiceSequence = 1;

		Generator(long seed, Instant anchor) {
			this.seed = seed;
			this.random = new Random(seed);
			this.anchor = anchor;
		}

		DemoData generate(int customerCount, int orderCount) {
			List<DemoProduct> products = products();
			List<DemoCustomer> customers = new ArrayList<>();
			for (int i = 0; i < customerCount; i++) {
				customers.add(customer(i));
			}
			List<DemoOrder> orders = new ArrayList<>();
			orders.add(showcaseOrder(1, "WEB", customers.get(0), products, 10, List.of(0, 1, 2), "delivered", 1,
					false));
			orders.add(showcaseOrder(2, "WEB", customers.get(0), products, 6, List.of(3, 4), "split", 0, false));
			orders.add(showcaseOrder(3, "STR", customers.get(1), products, 12, List.of(5, 6), "delivered", 0, true));
			orders.add(showcaseOrder(4, "MKT", customers.get(2), products, 5, List.of(7, finalSaleIndex(products)),
					"delivered", 0, false));
			orders.add(showcaseOrder(5, "WEB", customers.get(0), products, 80, List.of(8), "delivered", 0, false));
			orders.add(showcaseOrder(6, "WEB", customers.get(3), products, 0, List.of(9), "open", 0, false));
			for (int i = 7; i <= orderCount; i++) {
				orders.add(randomOrder(i, customers.get(random.nextInt(customers.size())), products));
			}
			return new DemoData(seed, anchor, customers, products, orders, stock(products));
		}

		private List<DemoProduct> products() {
			List<DemoProduct> products = new ArrayList<>();
			int n = 1001;
			for (String category : CATEGORIES) {
				for (String base : PRODUCT_NAMES.get(category)) {
					for (int variant = 0; variant < 2; variant++) {
						String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + base;
						BigDecimal usd = BigDecimal.valueOf(9 + random.nextInt(190)).add(new BigDecimal("0.99"));
						BigDecimal eur = usd.multiply(new BigDecimal("0.92")).setScale(0, RoundingMode.DOWN)
							.add(new BigDecimal("0.95"));
						// every seventh product is clearance: final sale (MAT-1007, MAT-1014, ...)
						boolean finalSale = (n - 1000) % 7 == 0;
						products.add(new DemoProduct("MAT-" + n, name, category, Map.of("USD", usd, "EUR", eur),
								finalSale));
						n++;
					}
				}
			}
			return products;
		}

		private static int finalSaleIndex(List<DemoProduct> products) {
			for (int i = 0; i < products.size(); i++) {
				if (products.get(i).finalSale()) {
					return i;
				}
			}
			throw new IllegalStateException("no final-sale product");
		}

		private DemoCustomer customer(int index) {
			// the first customers alternate USD and EUR so the showcases cover both currencies
			Country country = switch (index) {
				case 0, 2, 3 -> COUNTRIES.get(0);
				case 1 -> COUNTRIES.get(1);
				default -> COUNTRIES.get(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2));
			};
			String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
			String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
			String number = String.valueOf(17100001 + index);
			int city = random.nextInt(country.cities().length);
			String phone = switch (country.code()) {
				case "US" -> "+1" + (200 + random.nextInt(700)) + String.format("%07d", random.nextInt(10_000_000));
				case "DE" -> "+4930" + String.format("%08d", random.nextInt(100_000_000));
				default -> "+331" + String.format("%08d", random.nextInt(100_000_000));
			};
			return new DemoCustomer(number, salesforceId("003", index), "cus_" + token(14), first, last,
					(first + "." + last + "." + number.substring(4)).toLowerCase() + "@example.com", phone,
					(1 + random.nextInt(400)) + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)]
							+ (country.code().equals("US") ? " Street" : "strasse"),
					country.cities()[city], String.format("%05d", random.nextInt(100_000)), country.regions()[city],
					country.code(), country.currency());
		}

		private DemoOrder showcaseOrder(int sequence, String prefix, DemoCustomer customer, List<DemoProduct> products,
				int daysAgo, List<Integer> productIndexes, String fulfilment, int promotedLine, boolean partlyReturned) {
			List<DemoOrderLine> lines = new ArrayList<>();
			for (int i = 0; i < productIndexes.size(); i++) {
				DemoProduct product = products.get(productIndexes.get(i));
				String promotion = i == promotedLine ? PROMOTIONS.get(0) : null;
				lines.add(line(i, product, customer.currency(), i == 0 ? 2 : 1, promotion));
			}
			return order(sequence, prefix, customer, anchor.minus(Duration.ofDays(daysAgo)), lines, fulfilment,
					partlyReturned);
		}

		private DemoOrder randomOrder(int sequence, DemoCustomer customer, List<DemoProduct> products) {
			int roll = random.nextInt(100);
			String prefix = roll < 60 ? "WEB" : roll < 85 ? "STR" : "MKT";
			int daysAgo = random.nextInt(120);
			int lineCount = 1 + random.nextInt(4);
			List<DemoOrderLine> lines = new ArrayList<>();
			List<Integer> used = new ArrayList<>();
			for (int i = 0; i < lineCount; i++) {
				int index;
				do {
					index = random.nextInt(products.size());
				}
				while (used.contains(index));
				used.add(index);
				String promotion = random.nextInt(4) == 0 ? PROMOTIONS.get(random.nextInt(PROMOTIONS.size())) : null;
				lines.add(line(i, products.get(index), customer.currency(), 1 + random.nextInt(3), promotion));
			}
			String fulfilment;
			if (prefix.equals("STR")) {
				fulfilment = "delivered"; // carried out of the store
			}
			else if (daysAgo == 0) {
				fulfilment = "open";
			}
			else if (daysAgo < 4) {
				fulfilment = lineCount > 1 && random.nextBoolean() ? "split" : "in_transit";
			}
			else {
				fulfilment = lineCount > 1 && random.nextInt(5) == 0 ? "split-delivered" : "delivered";
			}
			boolean partlyReturned = fulfilment.startsWith("delivered") || fulfilment.equals("split-delivered")
					? random.nextInt(12) == 0 : false;
			Instant placedAt = anchor.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(random.nextInt(600)));
			return order(sequence, prefix, customer, placedAt, lines, fulfilment, partlyReturned);
		}

		private DemoOrderLine line(int index, DemoProduct product, String currency, int quantity, String promotion) {
			BigDecimal unitPrice = product.price(currency);
			BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
			BigDecimal discount = BigDecimal.ZERO.setScale(2);
			if (promotion != null && !product.finalSale()) {
				BigDecimal rate = switch (promotion) {
					case "SPRING10" -> new BigDecimal("0.10");
					case "LOYAL15" -> new BigDecimal("0.15");
					default -> new BigDecimal("0.20");
				};
				discount = gross.multiply(rate).setScale(2, RoundingMode.HALF_UP);
			}
			else {
				promotion = null;
			}
			return new DemoOrderLine(String.valueOf((index + 1) * 10), product.sku(), product.name(),
					product.category(), quantity, unitPrice, promotion, discount,
					gross.subtract(discount).setScale(2, RoundingMode.HALF_UP), product.finalSale());
		}

		private DemoOrder order(int sequence, String prefix, DemoCustomer customer, Instant placedAt,
				List<DemoOrderLine> lines, String fulfilment, boolean partlyReturned) {
			String orderNumber = prefix + "-" + (100000 + sequence);
			String plant = customer.currency().equals("USD") ? "1710" : "1010";
			BigDecimal shipping = prefix.equals("STR") ? BigDecimal.ZERO.setScale(2)
					: customer.currency().equals("USD") ? new BigDecimal("6.95") : new BigDecimal("4.95");
			BigDecimal total = lines.stream().map(DemoOrderLine::netAmount).reduce(shipping, BigDecimal::add);
			List<DemoShipment> shipments = shipments(orderNumber, plant, placedAt, lines, fulfilment, prefix);
			List<DemoReturn> returns = new ArrayList<>();
			if (partlyReturned) {
				DemoOrderLine returned = lines.get(0);
				BigDecimal refund = returned.netAmount()
					.divide(BigDecimal.valueOf(returned.quantity()), 2, RoundingMode.HALF_UP);
				returns.add(new DemoReturn("LEGACY-RET-" + returnSequence++, orderNumber,
						placedAt.plus(Duration.ofDays(3)), Map.of(returned.itemNumber(), 1), refund, "re_" + token(24)));
			}
			return new DemoOrder(orderNumber, String.valueOf(5000000 + sequence), prefix.equals("STR") ? "STORE"
					: prefix.equals("MKT") ? "MARKETPLACE" : "WEB", customer.number(), placedAt, customer.currency(),
					plant, List.copyOf(lines), shipping, total, "pi_" + token(24), "ch_" + token(24), shipments,
					List.copyOf(returns), invoices(orderNumber, shipments));
		}

		/** One invoice per shipment, billed when it shipped; no random draws, so the world stays the same. */
		private List<DemoInvoice> invoices(String orderNumber, List<DemoShipment> shipments) {
			List<DemoInvoice> invoices = new ArrayList<>();
			for (DemoShipment shipment : shipments) {
				List<DemoInvoice.Item> items = new ArrayList<>();
				shipment.quantities()
					.forEach((orderItem, quantity) -> items.add(new DemoInvoice.Item(
							String.valueOf((items.size() + 1) * 10), orderItem, quantity)));
				invoices.add(new DemoInvoice(String.valueOf(90000000 + invoiceSequence++), orderNumber,
						shipment.shipmentId(), shipment.shippedAt(), items));
			}
			return List.copyOf(invoices);
		}

		private List<DemoShipment> shipments(String orderNumber, String plant, Instant placedAt,
				List<DemoOrderLine> lines, String fulfilment, String prefix) {
			if (fulfilment.equals("open")) {
				return List.of();
			}
			String warehouse = prefix.equals("STR") ? (plant.equals("1710") ? "STORE-NYC" : "STORE-BER")
					: plant.equals("1710") ? (random.nextBoolean() ? "DC-EAST" : "DC-WEST") : "DC-EU";
			Instant shippedAt = prefix.equals("STR") ? placedAt : placedAt.plus(Duration.ofHours(20));
			Instant deliveredAt = prefix.equals("STR") ? placedAt : placedAt.plus(Duration.ofDays(3));
			boolean split = fulfilment.startsWith("split");
			List<DemoShipment> shipments = new ArrayList<>();
			if (!split) {
				String status = fulfilment.equals("in_transit") ? "in_transit" : "delivered";
				shipments.add(shipment(orderNumber, warehouse, lines, shippedAt,
						status.equals("delivered") ? deliveredAt : null, status));
			}
			else {
				String secondStatus = fulfilment.equals("split-delivered") ? "delivered" : "in_transit";
				shipments.add(shipment(orderNumber, warehouse, lines.subList(0, 1), shippedAt, deliveredAt, "delivered"));
				shipments.add(shipment(orderNumber, warehouse, lines.subList(1, lines.size()),
						shippedAt.plus(Duration.ofDays(1)),
						secondStatus.equals("delivered") ? deliveredAt.plus(Duration.ofDays(1)) : null, secondStatus));
			}
			return List.copyOf(shipments);
		}

		private DemoShipment shipment(String orderNumber, String warehouse, List<DemoOrderLine> lines,
				Instant shippedAt, Instant deliveredAt, String status) {
			Map<String, Integer> quantities = new LinkedHashMap<>();
			lines.forEach(l -> quantities.put(l.itemNumber(), l.quantity()));
			String carrier = warehouse.startsWith("STORE") ? "IN_STORE" : CARRIERS[random.nextInt(CARRIERS.length)];
			return new DemoShipment("SHP-" + (700000 + shipmentSequence++), orderNumber, warehouse, carrier,
					"1Z" + token(16).toUpperCase(), status, shippedAt, deliveredAt, Collections.unmodifiableMap(quantities));
		}

		private Map<String, Map<String, Integer>> stock(List<DemoProduct> products) {
			Map<String, Map<String, Integer>> stock = new LinkedHashMap<>();
			for (DemoProduct product : products) {
				Map<String, Integer> perLocation = new LinkedHashMap<>();
				for (DemoLocation location : LOCATIONS) {
					int onHand = location.type().equals("DC") ? random.nextInt(400) : random.nextInt(25);
					// the showcase SKU is stocked everywhere so examples always show availability
					if (product.sku().equals(Showcase.SKU)) {
						onHand = Math.max(onHand, 12);
					}
					perLocation.put(location.id(), onHand);
				}
				stock.put(product.sku(), Collections.unmodifiableMap(perLocation));
			}
			return stock;
		}

		private String salesforceId(String prefix, int index) {
			return prefix + "5g0000" + String.format("%09d", index + 1);
		}

		private String token(int length) {
			String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
			StringBuilder sb = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			return sb.toString();
		}
	}
}
