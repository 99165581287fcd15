package io.retailhub.process.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.retailhub.contracts.OrderId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The feed's cursor and the orders it confirmed ({@code V3__create_order_feed.sql}). */
@Component
class OrderFeedStore {

	/** The one feed so far: ERP's sales orders. */
	static final String ERP_ORDERS = "erp-orders";

	/** Where a feed has read up to. */
	record Cursor(Instant startAt, Instant changedUpTo) {
	}

	private final JdbcClient jdbc;

	OrderFeedStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the cursor at {@code startAt} unless it exists; an existing cursor is left as it is. */
	void createCursorIfMissing(Instant startAt) {
		jdbc.sql("""
				INSERT INTO order_feed_cursor (feed, start_at, changed_up_to) VALUES (:feed, :start, :start)
				ON CONFLICT (feed) DO NOTHING""")
			.param("feed", ERP_ORDERS)
			.param("start", Timestamp.from(startAt))
			.update();
	}

	/**
	 * Locks the cursor until the transaction ends; empty when another transaction (another
	 * instance's poll) holds it, or when there is no cursor yet.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Cursor> lockCursor() {
		return jdbc.sql("""
				SELECT start_at, changed_up_to FROM order_feed_cursor WHERE feed = :feed
				FOR UPDATE SKIP LOCKED""")
			.param("feed", ERP_ORDERS)
			.query((rs, row) -> new Cursor(rs.getTimestamp("start_at").toInstant(),
					rs.getTimestamp("changed_up_to").toInstant()))
			.optional();
	}

	/** Moves the cursor forward to {@code changedUpTo} (never back) and notes the poll. */
	@Transactional(propagation = Propagation.MANDATORY)
	void advance(Instant changedUpTo) {
		jdbc.sql("""
				UPDATE order_feed_cursor
				SET changed_up_to = GREATEST(changed_up_to, :changedUpTo), last_polled_at = now()
				WHERE feed = :feed""")
			.param("feed", ERP_ORDERS)
			.param("changedUpTo", Timestamp.from(changedUpTo))
			.update();
	}

	/** Those of {@code orderIds} that were confirmed already. */
	@Transactional(propagation = Propagation.MANDATORY)
	Set<String> confirmedAmong(Collection<OrderId> orderIds) {
		if (orderIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT order_id FROM confirmed_order WHERE order_id = ANY(:ids)")
			.param("ids", orderIds.stream().map(OrderId::value).toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Records the order as confirmed by the event {@code eventId}. A second record of one order
	 * violates the key and rolls the transaction back: nothing is published twice.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void recordConfirmed(OrderId orderId, UUID eventId, Instant lastChangedAt) {
		jdbc.sql("INSERT INTO confirmed_order (order_id, event_id, last_changed_at) VALUES (:id, :event, :changed)")
			.param("id", orderId.value())
			.param("event", eventId)
			.param("changed", Timestamp.from(lastChangedAt))
			.update();
	}

	/** Seconds since any instance last read a page; empty before the first poll. */
	Optional<Double> secondsSinceLastPoll() {
		return jdbc.sql("""
				SELECT extract(epoch FROM clock_timestamp() - last_polled_at) FROM order_feed_cursor
				WHERE feed = :feed AND last_polled_at IS NOT NULL""")
			.param("feed", ERP_ORDERS)
			.query(Double.class)
			.optional();
	}
}
