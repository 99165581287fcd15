package io.retailhub.process.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reconciliation_report table. */
@Component
class ReconciliationStore {

	private static final TypeReference<List<OrderReconciliation>> ORDERS = new TypeReference<>() {
	};

	private static final TypeReference<Map<MismatchKind, Integer>> BY_KIND = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, report_date, trigger, requested_by, status, window_from, window_to, started_at, finished_at,
			orders_checked, truncated, mismatch_count, mismatches_by_kind::text AS by_kind, orders::text AS orders, error""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReconciliationStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records a run as started. A SCHEDULED run of a day that was claimed already is not recorded.
	 * @return true if recorded (the caller runs it)
	 */
	boolean start(UUID id, LocalDate date, String trigger, String requestedBy, Instant from, Instant to) {
		return this.jdbc.sql("""
				INSERT INTO reconciliation_report (id, report_date, trigger, requested_by, status, window_from, window_to)
				VALUES (:id, :date, :trigger, :requestedBy, 'RUNNING', :from, :to)
				ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("date", date)
			.param("trigger", trigger)
			.param("requestedBy", requestedBy)
			.param("from", utc(from))
			.param("to", utc(to))
			.update() == 1;
	}

	/** @param byKind orders per mismatch kind; @param mismatches every mismatch listed */
	void finish(UUID id, List<OrderReconciliation> orders, boolean truncated, Map<MismatchKind, Integer> byKind,
			int mismatches) {
		this.jdbc.sql("""
				UPDATE reconciliation_report
				SET status = 'DONE', finished_at = clock_timestamp(), orders_checked = :checked, truncated = :truncated,
					mismatch_count = :mismatches, mismatches_by_kind = CAST(:byKind AS jsonb), orders = CAST(:orders AS jsonb)
				WHERE id = :id""")
			.param("checked", orders.size())
			.param("truncated", truncated)
			.param("mismatches", mismatches)
			.param("byKind", this.json.writeValueAsString(byKind))
			.param("orders", this.json.writeValueAsString(orders))
			.param("id", id)
			.update();
	}

	void fail(UUID id, String error) {
		this.jdbc.sql("""
				UPDATE reconciliation_report SET status = 'FAILED', finished_at = clock_timestamp(), error = :error
				WHERE id = :id""")
			.param("error", error)
			.param("id", id)
			.update();
	}

	/**
	 * Orders whose returns or refunds changed in [from, to), the oldest activity first; one more than
	 * {@code limit} tells the caller there were more.
	 */
	List<String> ordersWithReturnActivity(Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				SELECT order_id FROM (
					SELECT order_id, updated_at AS at FROM return_case WHERE updated_at >= :from AND updated_at < :to
					UNION ALL
					SELECT order_id, updated_at AS at FROM refund WHERE updated_at >= :from AND updated_at < :to) a
				GROUP BY order_id ORDER BY min(at), order_id LIMIT :limit""")
			.param("from", utc(from))
			.param("to", utc(to))
			.param("limit", limit + 1)
			.query(String.class)
			.list();
	}

	Optional<ReconciliationReport> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM reconciliation_report WHERE id = :id")
			.param("id", id)
			.query(this::report)
			.optional();
	}

	/** The latest finished report, of that day when {@code date} is given. */
	Optional<ReconciliationReport> latest(LocalDate date) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM reconciliation_report WHERE status = 'DONE'"
				+ (date == null ? "" : " AND report_date = :date") + " ORDER BY finished_at DESC, id LIMIT 1")
			.params(date == null ? Map.of() : Map.of("date", date))
			.query(this::report)
			.optional();
	}

	/** What the gauges show: the latest finished report's counts per kind and its finish time. */
	Optional<LatestCounts> latestCounts() {
		return this.jdbc.sql("""
				SELECT mismatches_by_kind::text AS by_kind, finished_at FROM reconciliation_report
				WHERE status = 'DONE' ORDER BY finished_at DESC, id LIMIT 1""")
			.query((rs, row) -> new LatestCounts(byKind(rs.getString("by_kind")), instant(rs, "finished_at")))
			.optional();
	}

	record LatestCounts(Map<MismatchKind, Integer> byKind, Instant finishedAt) {
	}

	private ReconciliationReport report(ResultSet rs, int row) throws SQLException {
		String orders = rs.getString("orders");
		return new ReconciliationReport(rs.getObject("id", UUID.class), rs.getObject("report_date", LocalDate.class),
				rs.getString("trigger"), rs.getString("requested_by"), rs.getString("status"),
				instant(rs, "window_from"), instant(rs, "window_to"), instant(rs, "started_at"),
				instant(rs, "finished_at"), (Integer) rs.getObject("orders_checked"), rs.getBoolean("truncated"),
				(Integer) rs.getObject("mismatch_count"), byKind(rs.getString("by_kind")),
				orders == null ? List.of() : this.json.readValue(orders, ORDERS), rs.getString("error"));
	}

	private Map<MismatchKind, Integer> byKind(String text) {
		Map<MismatchKind, Integer> counts = new EnumMap<>(MismatchKind.class);
		for (MismatchKind kind : MismatchKind.values()) {
			counts.put(kind, 0);
		}
		if (text != null) {
			counts.putAll(this.json.readValue(text, BY_KIND));
		}
		return counts;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
