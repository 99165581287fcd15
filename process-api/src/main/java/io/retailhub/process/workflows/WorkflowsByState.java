package io.retailhub.process.workflows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflows in a state ops look for, oldest first: parked and failed steps, returns that need a
 * person, and due work that has not moved for a while. One row per step (per return for
 * NEEDS_PERSON), with the return it is about. Read straight from the step and return tables: the
 * same rows the workers and the workflow API read.
 */
@Component
public class WorkflowsByState {

	/** How long due work may sit still before it counts as stuck, when the caller does not say. */
	public static final Duration DEFAULT_STUCK_AFTER = Duration.ofHours(1);

	private static final String PARKED = """
			SELECT s.workflow_id, s.workflow_type, s.step, s.status, s.attempts, s.last_error, s.parked_reason,
				s.due_at AS next_due_at,
				coalesce((SELECT min(a.started_at) FROM workflow_attempt a
					WHERE a.step_id = s.id AND a.outcome = 'PARKED'
						AND a.started_at > coalesce((SELECT max(b.started_at) FROM workflow_attempt b
							WHERE b.step_id = s.id AND b.outcome IS NOT NULL AND b.outcome <> 'PARKED'),
							'-infinity')), s.updated_at) AS since
			FROM workflow_step s WHERE s.status = 'PARKED'""";

	private static final String FAILED = """
			SELECT s.workflow_id, s.workflow_type, s.step, s.status, s.attempts, s.last_error, s.parked_reason,
				CAST(NULL AS timestamptz) AS next_due_at, coalesce(s.completed_at, s.updated_at) AS since
			FROM workflow_step s WHERE s.status = 'FAILED'""";

	private static final String STUCK = """
			SELECT s.workflow_id, s.workflow_type, s.step, s.status, s.attempts, s.last_error, s.parked_reason,
				s.due_at AS next_due_at,
				greatest(s.updated_at, s.due_at,
					coalesce((SELECT max(a.started_at) FROM workflow_attempt a WHERE a.step_id = s.id), '-infinity'))
					AS since
			FROM workflow_step s WHERE s.status = 'PENDING' AND s.due_at <= now()""";

	private static final String NEEDS_PERSON = """
			SELECT r.id AS workflow_id, 'return' AS workflow_type, CAST(NULL AS varchar) AS step,
				r.status, CAST(NULL AS integer) AS attempts, r.action_reason AS last_error,
				CAST(NULL AS text) AS parked_reason, CAST(NULL AS timestamptz) AS next_due_at,
				coalesce(r.action_required_at, r.updated_at) AS since
			FROM return_case r WHERE r.status = 'REQUIRES_ACTION'""";

	private final JdbcClient jdbc;

	WorkflowsByState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param olderThan only those in the state (for STUCK: without moving) for at least this long
	 * @return the page, oldest first, and how many there are in all
	 */
	@Transactional(readOnly = true)
	public Page find(WorkflowState state, Duration olderThan, int page, int size) {
		String items = switch (state) {
			case PARKED -> PARKED;
			case FAILED -> FAILED;
			case STUCK -> STUCK;
			case NEEDS_PERSON -> NEEDS_PERSON;
		};
		String matching = "WITH items AS (" + items + ") SELECT i.*, r.id AS return_id, r.return_number, "
				+ "r.order_id, r.rma_number, r.status AS return_status FROM items i "
				+ "LEFT JOIN return_case r ON r.id = i.workflow_id "
				+ "WHERE i.since <= now() - CAST(:olderThan AS interval)";
		String interval = Math.max(0, olderThan.toMillis()) + " milliseconds";
		List<WorkflowInState> found = this.jdbc
			.sql(matching + " ORDER BY i.since, i.workflow_id, i.step LIMIT :size OFFSET :offset")
			.param("olderThan", interval)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(WorkflowsByState::item)
			.list();
		long total = this.jdbc.sql("SELECT count(*) FROM (" + matching + ") m")
			.param("olderThan", interval)
			.query(Long.class)
			.single();
		return new Page(found, total);
	}

	private static WorkflowInState item(ResultSet rs, int row) throws SQLException {
		Object attempts = rs.getObject("attempts");
		return new WorkflowInState(rs.getObject("workflow_id", UUID.class), rs.getString("workflow_type"),
				rs.getObject("return_id", UUID.class), rs.getString("return_number"), rs.getString("order_id"),
				rs.getString("rma_number"), rs.getString("return_status"), rs.getString("step"),
				rs.getString("status"), attempts == null ? null : ((Number) attempts).intValue(),
				rs.getString("last_error"), rs.getString("parked_reason"), instant(rs, "since"),
				instant(rs, "next_due_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	public record Page(List<WorkflowInState> items, long total) {
	}

	/**
	 * One workflow in the state asked for.
	 *
	 * @param returnId the return the workflow is about (the return workflow's ID is its return's)
	 * @param step the step in that state; null for NEEDS_PERSON (the return waits, not a step)
	 * @param status the step's status, or the return's for NEEDS_PERSON (REQUIRES_ACTION)
	 * @param attempts the step's attempts so far; null for NEEDS_PERSON
	 * @param lastError the latest attempt's error, or why the return needs a person
	 * @param since since when it is in the state (for STUCK: when it last moved)
	 * @param nextDueAt when the step runs next by itself; null when it will not
	 */
	public record WorkflowInState(UUID workflowId, String workflowType, UUID returnId, String returnNumber,
			String orderId, String rmaNumber, String returnStatus, String step, String status, Integer attempts,
			String lastError, String parkedReason, Instant since, Instant nextDueAt) {
	}

}
