package io.retailhub.experience.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The timeline's tables, in SQL: entries, the customer of each order, orders to look up. */
@Repository
class TimelineStore {

	private static final String COLUMNS = """
			id, event_id, order_id, customer_id, return_id, occurred_at, kind, title, detail::text AS detail, actor,
			source, shopper_visible, tx_id::text AS tx""";

	/** Transactions below this one have all ended: what is visible below it will not change. */
	private static final String SETTLED = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

	private final JdbcClient jdbc;

	private final RowMapper<Row> rows;

	TimelineStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.rows = (rs, n) -> new Row(entry(rs, json), new Position(Long.parseUnsignedLong(rs.getString("tx")),
				rs.getLong("id")));
	}

	/**
	 * Records an entry unless its event (or, for {@link EntryKind#ORDER_PLACED}, the order's
	 * placement) is recorded already. Fills in the order's customer when the entry does not carry
	 * it, and the return of a receipt from the return's authorization (in either order).
	 * @return the new entry's id; empty for a duplicate
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Long> insert(NewEntry entry) {
		String customerId = entry.customerId();
		if (customerId != null) {
			learnCustomer(entry.orderId(), customerId, entry.source());
		}
		else {
			customerId = customerOf(entry.orderId()).orElse(null);
		}
		UUID returnId = entry.returnId();
		if (returnId == null && entry.kind() == EntryKind.RETURN_RECEIVED) {
			returnId = this.jdbc.sql("""
					SELECT return_id FROM timeline_entry
					WHERE order_id = :order AND kind = 'RETURN_AUTHORIZED' AND detail ->> 'rmaNumber' = CAST(:detail AS jsonb) ->> 'rmaNumber'
					LIMIT 1""")
				.param("order", entry.orderId())
				.param("detail", entry.detailJson())
				.query(UUID.class)
				.optional()
				.orElse(null);
		}
		Optional<Long> id = this.jdbc.sql("""
				INSERT INTO timeline_entry (event_id, order_id, customer_id, return_id, occurred_at, kind, title, detail,
				    actor, source, sequence, shopper_visible)
				VALUES (:eventId, :orderId, :customerId, :returnId, :occurredAt, :kind, :title, CAST(:detail AS jsonb),
				    :actor, :source, :sequence, :shopperVisible)
				ON CONFLICT DO NOTHING
				RETURNING id""")
			.param("eventId", entry.eventId())
			.param("orderId", entry.orderId())
			.param("customerId", customerId)
			.param("returnId", returnId)
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("kind", entry.kind().name())
			.param("title", entry.title())
			.param("detail", entry.detailJson())
			.param("actor", entry.actor())
			.param("source", entry.source())
			.param("sequence", entry.sequence())
			.param("shopperVisible", entry.shopperVisible())
			.query(Long.class)
			.optional();
		if (id.isPresent() && entry.kind() == EntryKind.RETURN_AUTHORIZED && returnId != null) {
			// a receipt that overtook its return's authorization
			this.jdbc.sql("""
					UPDATE timeline_entry SET return_id = :returnId
					WHERE order_id = :order AND kind = 'RETURN_RECEIVED' AND return_id IS NULL
					  AND detail ->> 'rmaNumber' = CAST(:detail AS jsonb) ->> 'rmaNumber'""")
				.param("returnId", returnId)
				.param("order", entry.orderId())
				.param("detail", entry.detailJson())
				.update();
		}
		return id;
	}

	/**
	 * Remembers the order's customer (the first one learned stays) and gives it to the order's
	 * entries recorded without one.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void learnCustomer(String orderId, String customerId, String learnedFrom) {
		int learned = this.jdbc.sql("""
				INSERT INTO order_customer (order_id, customer_id, learned_from) VALUES (:order, :customer, :from)
				ON CONFLICT (order_id) DO NOTHING""")
			.param("order", orderId)
			.param("customer", customerId)
			.param("from", learnedFrom)
			.update();
		if (learned == 1) {
			this.jdbc.sql("UPDATE timeline_entry SET customer_id = :customer WHERE order_id = :order AND customer_id IS NULL")
				.param("order", orderId)
				.param("customer", customerId)
				.update();
		}
	}

	Optional<String> customerOf(String orderId) {
		return this.jdbc.sql("SELECT customer_id FROM order_customer WHERE order_id = :order")
			.param("order", orderId)
			.query(String.class)
			.optional();
	}

	/** Asks for the order to be looked up at the system API, unless it was already. */
	@Transactional(propagation = Propagation.MANDATORY)
	void requestLookup(String orderId) {
		this.jdbc.sql("""
				INSERT INTO order_lookup (order_id, status) VALUES (:order, 'PENDING')
				ON CONFLICT (order_id) DO NOTHING""").param("order", orderId).update();
	}

	/** The order's entries, newest first, before {@code before} (all when null). */
	List<TimelineEntry> ofOrder(String orderId, Long before, boolean shopperOnly, int limit) {
		return page("order_id = :key", orderId, before, shopperOnly, limit);
	}

	/** The customer's entries across orders, newest first, before {@code before} (all when null). */
	List<TimelineEntry> ofCustomer(String customerId, Long before, int limit) {
		return page("customer_id = :key", customerId, before, false, limit);
	}

	private List<TimelineEntry> page(String key, String value, Long before, boolean shopperOnly, int limit) {
		String sql = "SELECT " + COLUMNS + " FROM timeline_entry WHERE " + key
				+ (shopperOnly ? " AND shopper_visible" : "")
				+ (before == null ? ""
						: " AND (occurred_at, sequence, id) < (SELECT occurred_at, sequence, id FROM timeline_entry WHERE id = :before)")
				+ " ORDER BY occurred_at DESC, sequence DESC, id DESC LIMIT :limit";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("key", value).param("limit", limit);
		if (before != null) {
			statement = statement.param("before", before);
		}
		return statement.query(this.rows).list().stream().map(Row::entry).toList();
	}

	/** Every entry of the order, oldest first. */
	List<TimelineEntry> allOfOrder(String orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS
				+ " FROM timeline_entry WHERE order_id = :order ORDER BY occurred_at, sequence, id")
			.param("order", orderId)
			.query(this.rows)
			.list()
			.stream()
			.map(Row::entry)
			.toList();
	}

	Optional<Row> byId(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM timeline_entry WHERE id = :id")
			.param("id", id)
			.query(this.rows)
			.optional();
	}

	/** When the timeline last learned something about the order. */
	Optional<Instant> lastRecorded(String orderId) {
		return this.jdbc.sql("SELECT max(recorded_at) FROM timeline_entry WHERE order_id = :order")
			.param("order", orderId)
			.query((rs, n) -> {
				Timestamp at = rs.getTimestamp(1);
				return at == null ? null : at.toInstant();
			})
			.optional();
	}

	/** The newest settled position: where a stream that starts now begins. */
	Position settledEnd() {
		return this.jdbc.sql("SELECT tx_id::text AS tx, id FROM timeline_entry WHERE " + SETTLED
				+ " ORDER BY tx_id DESC, id DESC LIMIT 1")
			.query((rs, n) -> new Position(Long.parseUnsignedLong(rs.getString("tx")), rs.getLong("id")))
			.optional()
			.orElse(Position.START);
	}

	/** Settled entries after {@code after}, in commit order, matching {@code filter} (SQL on the entry's columns). */
	List<Row> settledAfter(Position after, String filter, String key, int limit) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM timeline_entry WHERE (tx_id, id) > (CAST(:tx AS xid8), :id) AND "
					+ SETTLED + (filter == null ? "" : " AND " + filter) + " ORDER BY tx_id, id LIMIT :limit")
			.param("tx", Long.toUnsignedString(after.txId()))
			.param("id", after.id())
			.param("limit", limit);
		if (key != null) {
			statement = statement.param("key", key);
		}
		return statement.query(this.rows).list();
	}

	private static TimelineEntry entry(ResultSet rs, JsonMapper json) throws SQLException {
		String returnId = rs.getString("return_id");
		return new TimelineEntry(rs.getLong("id"), rs.getString("order_id"), rs.getString("customer_id"),
				returnId == null ? null : UUID.fromString(returnId), rs.getTimestamp("occurred_at").toInstant(),
				EntryKind.valueOf(rs.getString("kind")), rs.getString("title"), json.readTree(rs.getString("detail")),
				rs.getString("actor"), rs.getString("source"), rs.getString("event_id"),
				rs.getBoolean("shopper_visible"));
	}

	/** An entry and its position in commit order. */
	record Row(TimelineEntry entry, Position position) {
	}

}
