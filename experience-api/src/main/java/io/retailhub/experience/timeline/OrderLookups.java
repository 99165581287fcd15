package io.retailhub.experience.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads each order the timeline meets from the system API once (its customer, when it was
 * placed, its parcels shipped and delivered), outside the Kafka consumer, so that events are
 * recorded at once even while the system API or ERP is down. Orders wait in {@code order_lookup};
 * any instance claims due ones with {@code SKIP LOCKED}, a failed lookup waits with a doubling
 * backoff, and an order with a parcel not delivered yet is looked up again later for a while.
 * Facts read this way have keys of their own ({@code order:<id>:placed},
 * {@code shipment:<id>:shipped}, {@code shipment:<id>:delivered}), so a second lookup records
 * only what is new.
 */
@Component
class OrderLookups implements SmartLifecycle {

	static final String SOURCE = "system-api";

	private static final Logger log = LoggerFactory.getLogger(OrderLookups.class);

	/** How long a claimed order is left to the instance that claimed it before another may try. */
	private static final Duration CLAIM = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final TimelineStore store;

	private final OrderLookupClient client;

	private final TransactionTemplate transactions;

	private final TimelineSettings.Lookup settings;

	private final Clock clock;

	private ScheduledExecutorService executor;

	OrderLookups(JdbcClient jdbc, TimelineStore store, OrderLookupClient client, TransactionTemplate transactions,
			TimelineSettings settings) {
		this.jdbc = jdbc;
		this.store = store;
		this.client = client;
		this.transactions = transactions;
		this.settings = settings.lookup();
		this.clock = Clock.systemUTC();
	}

	/** Looks up the orders that are due now; how many were looked up (successfully or not). */
	int lookUpDue() {
		List<Claimed> due = this.transactions.execute(status -> this.jdbc.sql("""
				UPDATE order_lookup SET next_attempt_at = :claimedUntil
				WHERE order_id IN (SELECT order_id FROM order_lookup
				                   WHERE status = 'PENDING' AND next_attempt_at <= now()
				                   ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING order_id, attempts, done_at""")
			.param("claimedUntil", Timestamp.from(this.clock.instant().plus(CLAIM)))
			.param("limit", this.settings.batchSize())
			.query((rs, n) -> new Claimed(rs.getString("order_id"), rs.getInt("attempts"),
					rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant()))
			.list());
		for (Claimed order : due) {
			lookUp(order);
		}
		return due.size();
	}

	private void lookUp(Claimed claimed) {
		Optional<JsonNode> order;
		try {
			order = this.client.order(claimed.orderId());
		}
		catch (RuntimeException ex) {
			int attempts = claimed.attempts() + 1;
			Duration wait = backoff(attempts);
			if (attempts == 1) {
				log.warn("Order {} could not be looked up, trying again in {}: {}", claimed.orderId(), wait,
						ex.getMessage());
			}
			this.transactions.executeWithoutResult(status -> this.jdbc.sql("""
					UPDATE order_lookup SET attempts = :attempts, next_attempt_at = :next, last_error = :error
					WHERE order_id = :order""")
				.param("attempts", attempts)
				.param("next", Timestamp.from(this.clock.instant().plus(wait)))
				.param("error", truncate(String.valueOf(ex.getMessage())))
				.param("order", claimed.orderId())
				.update());
			return;
		}
		this.transactions.executeWithoutResult(status -> record(claimed, order));
	}

	private void record(Claimed claimed, Optional<JsonNode> found) {
		Instant now = this.clock.instant();
		if (found.isEmpty()) {
			finish(claimed.orderId(), "the system API does not know the order");
			return;
		}
		JsonNode order = found.get();
		if (!order.isObject()) {
			finish(claimed.orderId(), "the system API answered no order object");
			return;
		}
		String orderId = claimed.orderId();
		String customerId = text(order, "customerId");
		if (customerId != null) {
			this.store.learnCustomer(orderId, customerId, SOURCE);
		}
		for (NewEntry entry : entries(orderId, customerId, order)) {
			this.store.insert(entry);
		}
		Instant firstDone = claimed.doneAt() != null ? claimed.doneAt() : now;
		boolean settled = allDelivered(order) || firstDone.plus(this.settings.refreshFor()).isBefore(now);
		if (settled) {
			finish(orderId, null);
		}
		else {
			this.jdbc.sql("""
					UPDATE order_lookup SET attempts = 0, next_attempt_at = :next, done_at = :doneAt, last_error = NULL
					WHERE order_id = :order""")
				.param("next", Timestamp.from(now.plus(this.settings.refreshUndeliveredAfter())))
				.param("doneAt", Timestamp.from(firstDone))
				.param("order", orderId)
				.update();
		}
	}

	private void finish(String orderId, String note) {
		this.jdbc.sql("""
				UPDATE order_lookup SET status = 'DONE', done_at = coalesce(done_at, now()), last_error = :note
				WHERE order_id = :order""").param("note", note).param("order", orderId).update();
	}

	/** Placed, and each parcel shipped and delivered, as far as the order tells. */
	static List<NewEntry> entries(String orderId, String customerId, JsonNode order) {
		List<NewEntry> entries = new ArrayList<>();
		Instant placedAt = instant(order, "placedAt");
		if (placedAt != null) {
			ObjectNode detail = (ObjectNode) order.deepCopy();
			detail.remove("lines");
			detail.remove("shipments");
			detail.remove("payment");
			String channel = text(order, "channel");
			entries.add(new NewEntry("order:" + orderId + ":placed", orderId, customerId, null, placedAt,
					EntryKind.ORDER_PLACED,
					"Order placed" + (channel == null ? "" : " (" + channel.toLowerCase(Locale.ROOT) + ")")
							+ money(order.get("total")),
					detail.toString(), null, SOURCE, 0, EntryKind.ORDER_PLACED.shopperVisible()));
		}
		JsonNode shipments = order.get("shipments");
		if (shipments != null && shipments.isArray()) {
			for (JsonNode shipment : shipments) {
				String shipmentId = text(shipment, "id");
				if (shipmentId == null || !shipment.isObject()) {
					continue;
				}
				ObjectNode detail = (ObjectNode) shipment.deepCopy();
				detail.remove("lines");
				String parcel = parcel(shipment);
				Instant shippedAt = instant(shipment, "shippedAt");
				if (shippedAt != null) {
					entries.add(new NewEntry("shipment:" + shipmentId + ":shipped", orderId, customerId, null, shippedAt,
							EntryKind.ORDER_SHIPPED, "Shipped" + parcel, detail.toString(), null, SOURCE, 0,
							EntryKind.ORDER_SHIPPED.shopperVisible()));
				}
				Instant deliveredAt = instant(shipment, "deliveredAt");
				if (deliveredAt != null) {
					entries.add(new NewEntry("shipment:" + shipmentId + ":delivered", orderId, customerId, null,
							deliveredAt, EntryKind.ORDER_DELIVERED, "Delivered" + parcel, detail.toString(), null, SOURCE,
							0, EntryKind.ORDER_DELIVERED.shopperVisible()));
				}
			}
		}
		return entries;
	}

	private static boolean allDelivered(JsonNode order) {
		JsonNode shipments = order.get("shipments");
		if (shipments == null || !shipments.isArray() || shipments.isEmpty()) {
			return false;
		}
		for (JsonNode shipment : shipments) {
			if (instant(shipment, "deliveredAt") == null) {
				return false;
			}
		}
		return true;
	}

	private static String parcel(JsonNode shipment) {
		String carrier = text(shipment, "carrier");
		String tracking = text(shipment, "trackingNumber");
		if (carrier == null && tracking == null) {
			return "";
		}
		return " with " + (carrier == null ? "the carrier" : carrier) + (tracking == null ? "" : ", tracking " + tracking);
	}

	private static String money(JsonNode money) {
		if (money == null || money.get("amount") == null || text(money, "currency") == null) {
			return "";
		}
		return ", total " + money.get("amount").decimalValue().toPlainString() + " " + text(money, "currency");
	}

	private static String text(JsonNode node, String member) {
		JsonNode value = node.get(member);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static Instant instant(JsonNode node, String member) {
		String value = text(node, member);
		return value == null ? null : Instant.parse(value);
	}

	private Duration backoff(int attempts) {
		long factor = 1L << Math.min(attempts - 1, 20);
		Duration wait = this.settings.backoffBase().multipliedBy(factor);
		return wait.compareTo(this.settings.backoffMax()) > 0 ? this.settings.backoffMax() : wait;
	}

	private static String truncate(String text) {
		return text.length() <= 500 ? text : text.substring(0, 500);
	}

	@Override
	public synchronized void start() {
		if (!this.settings.enabled() || this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "timeline-order-lookups");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				while (lookUpDue() == this.settings.batchSize()) {
					// a full batch: more may be due
				}
			}
			catch (RuntimeException ex) {
				log.warn("Order lookups failed: {}", ex.getMessage());
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private record Claimed(String orderId, int attempts, Instant doneAt) {
	}

}
