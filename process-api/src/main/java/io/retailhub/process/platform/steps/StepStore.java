package io.retailhub.process.platform.steps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the step engine. Times that decide when a step runs (due, lease) are the database's
 * clock, so instances with skewed clocks still agree.
 */
@Component
class StepStore {

	private final JdbcClient jdbc;

	StepStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a PENDING step unless the workflow already has one of that name. The step runs in the
	 * workflow's trace, the one its first step was scheduled in; {@code traceparent} (the current
	 * one) starts that trace for a workflow's first step. @return true if inserted
	 */
	boolean insert(UUID workflowId, String workflowType, String step, Instant dueAt, String correlationId,
			String traceparent) {
		return this.jdbc.sql("""
				INSERT INTO workflow_step (id, workflow_id, workflow_type, step, status, attempts, due_at, correlation_id,
					traceparent)
				VALUES (:id, :workflowId, :workflowType, :step, 'PENDING', 0, :dueAt, :correlationId,
					COALESCE((SELECT first.traceparent FROM workflow_step first
						WHERE first.workflow_id = :workflowId AND first.traceparent IS NOT NULL
						ORDER BY first.created_at, first.id LIMIT 1), :traceparent))
				ON CONFLICT (workflow_id, step) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("workflowId", workflowId)
			.param("workflowType", workflowType)
			.param("step", step)
			.param("dueAt", utc(dueAt))
			.param("correlationId", correlationId)
			.param("traceparent", traceparent)
			.update() == 1;
	}

	/** PENDING/PARKED -> CANCELED. @return true if the step was canceled */
	boolean cancel(UUID workflowId, String step) {
		return this.jdbc.sql("""
				UPDATE workflow_step
				SET status = 'CANCELED', lease_owner = NULL, lease_until = NULL, parked_reason = NULL,
					completed_at = now(), updated_at = now(), version = version + 1
				WHERE workflow_id = :workflowId AND step = :step AND status IN ('PENDING', 'PARKED')""")
			.param("workflowId", workflowId)
			.param("step", step)
			.update() == 1;
	}

	/**
	 * Leases up to {@code limit} due steps to {@code owner}, earliest due first. Rows another
	 * worker is claiming right now are skipped, not waited for; a row leased before is claimable
	 * again once its lease expired (its worker crashed). Every claim bumps the version.
	 */
	List<StepClaim> claim(String owner, Duration lease, int limit) {
		return this.jdbc.sql("""
				WITH due AS (
					SELECT id FROM workflow_step
					WHERE status IN ('PENDING', 'PARKED') AND due_at <= now()
						AND (lease_until IS NULL OR lease_until < now())
					ORDER BY due_at
					LIMIT :limit
					FOR UPDATE SKIP LOCKED)
				UPDATE workflow_step s
				SET lease_owner = :owner, lease_until = now() + CAST(:lease AS interval), version = s.version + 1
				FROM due WHERE s.id = due.id
				RETURNING s.id, s.workflow_id, s.workflow_type, s.step, s.attempts, s.due_at, s.version, s.status,
					s.correlation_id, s.traceparent, s.lease_owner""")
			.param("owner", owner)
			.param("lease", interval(lease))
			.param("limit", limit)
			.query(StepStore::claim)
			.list();
	}

	/** Extends the leases {@code owner} holds on running steps, and with them their attempts'. */
	void renew(String owner, Collection<UUID> stepIds, Duration lease) {
		if (stepIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				WITH renewed AS (
					UPDATE workflow_step SET lease_until = now() + CAST(:lease AS interval)
					WHERE id = ANY(:ids) AND lease_owner = :owner
					RETURNING id, version, lease_until)
				UPDATE workflow_attempt a SET lease_until = r.lease_until
				FROM renewed r
				WHERE a.step_id = r.id AND a.claim_version = r.version AND a.worker = :owner AND a.finished_at IS NULL""")
			.param("lease", interval(lease))
			.param("ids", stepIds.toArray(UUID[]::new))
			.param("owner", owner)
			.update();
	}

	/** Gives a claimed step back without an attempt, so another worker may take it at once. */
	void release(StepClaim claim) {
		this.jdbc.sql("""
				UPDATE workflow_step SET lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND lease_owner = :owner AND version = :version""")
			.param("id", claim.id())
			.param("owner", claim.owner())
			.param("version", claim.version())
			.update();
	}

	/**
	 * Locks the step for completion if the claim still holds: same owner, same version.
	 * @return the step's status, empty when the lease was lost
	 */
	Optional<StepStatus> lockIfStillClaimed(StepClaim claim) {
		return this.jdbc.sql("""
				SELECT status FROM workflow_step
				WHERE id = :id AND lease_owner = :owner AND version = :version
				FOR UPDATE""")
			.param("id", claim.id())
			.param("owner", claim.owner())
			.param("version", claim.version())
			.query((rs, row) -> StepStatus.valueOf(rs.getString("status")))
			.optional();
	}

	/** Attempts of the step that ended in a retry: what counts towards its max attempts (parks do not). */
	int retries(StepClaim claim) {
		return this.jdbc.sql("SELECT count(*) FROM workflow_attempt WHERE step_id = :stepId AND outcome = 'RETRY'")
			.param("stepId", claim.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * Records that an attempt starts, if the claim still holds: by whom, under which claim, until
	 * when it holds the step, and when it started (the database's clock, like every time the
	 * engine decides by).
	 * @return the attempt's row, empty when the claim was lost before the attempt could start
	 */
	Optional<Long> startAttempt(StepClaim claim) {
		return this.jdbc.sql("""
				INSERT INTO workflow_attempt (step_id, attempt, worker, claim_version, started_at, lease_until)
				SELECT id, :attempt, lease_owner, version, clock_timestamp(), lease_until FROM workflow_step
				WHERE id = :id AND lease_owner = :owner AND version = :version
				RETURNING id""")
			.param("attempt", claim.attempts() + 1)
			.param("id", claim.id())
			.param("owner", claim.owner())
			.param("version", claim.version())
			.query(Long.class)
			.optional();
	}

	/** Records how a started attempt ended; {@code error} null when it did not fail. */
	void finishAttempt(long attemptId, String outcome, String error) {
		this.jdbc.sql("""
				UPDATE workflow_attempt SET finished_at = clock_timestamp(), outcome = :outcome, error = :error
				WHERE id = :id""")
			.param("outcome", outcome)
			.param("error", error)
			.param("id", attemptId)
			.update();
	}

	void markDone(StepClaim claim, int attempts) {
		finish(claim, StepStatus.DONE, attempts, null);
	}

	void markFailed(StepClaim claim, int attempts, String error) {
		finish(claim, StepStatus.FAILED, attempts, error);
	}

	private void finish(StepClaim claim, StepStatus status, int attempts, String error) {
		this.jdbc.sql("""
				UPDATE workflow_step
				SET status = :status, attempts = :attempts, last_error = coalesce(:error, last_error),
					parked_reason = NULL, lease_owner = NULL, lease_until = NULL,
					completed_at = now(), updated_at = now(), version = version + 1
				WHERE id = :id""")
			.param("status", status.name())
			.param("attempts", attempts)
			.param("error", error)
			.param("id", claim.id())
			.update();
	}

	/**
	 * Back to PENDING (retry) or PARKED, due after {@code delay}; the lease is given up.
	 * @return the new due time: when the step is tried again
	 */
	Instant reschedule(StepClaim claim, StepStatus status, int attempts, Duration delay, String error,
			String parkedReason) {
		return this.jdbc.sql("""
				UPDATE workflow_step
				SET status = :status, attempts = :attempts, due_at = now() + CAST(:delay AS interval),
					last_error = :error, parked_reason = :parkedReason, lease_owner = NULL, lease_until = NULL,
					updated_at = now(), version = version + 1
				WHERE id = :id
				RETURNING due_at""")
			.param("status", status.name())
			.param("attempts", attempts)
			.param("delay", interval(delay))
			.param("error", error)
			.param("parkedReason", parkedReason)
			.param("id", claim.id())
			.query((rs, row) -> rs.getTimestamp("due_at").toInstant())
			.single();
	}

	void recordTimeline(UUID workflowId, String kind, String detail) {
		recordTimeline(workflowId, kind, detail, null);
	}

	void recordTimeline(UUID workflowId, String kind, String detail, String actor) {
		this.jdbc.sql("""
				INSERT INTO workflow_timeline (workflow_id, kind, detail, actor)
				VALUES (:workflowId, :kind, :detail, :actor)""")
			.param("workflowId", workflowId)
			.param("kind", kind)
			.param("detail", detail)
			.param("actor", actor)
			.update();
	}

	List<StepView> steps(UUID workflowId) {
		List<StepView.StepAttempt> none = List.of();
		List<StepView> steps = this.jdbc.sql("""
				SELECT id, workflow_id, workflow_type, step, status, attempts, due_at, last_error, parked_reason,
					created_at, updated_at, completed_at
				FROM workflow_step WHERE workflow_id = :workflowId ORDER BY created_at, step""")
			.param("workflowId", workflowId)
			.query((rs, row) -> new StepView(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
					rs.getString("workflow_type"), rs.getString("step"), StepStatus.valueOf(rs.getString("status")),
					rs.getInt("attempts"), instant(rs, "due_at"), rs.getString("last_error"),
					rs.getString("parked_reason"), instant(rs, "created_at"), instant(rs, "updated_at"),
					instant(rs, "completed_at"), none))
			.list();
		if (steps.isEmpty()) {
			return steps;
		}
		record Attempt(UUID stepId, StepView.StepAttempt attempt) {
		}
		// an unfinished attempt runs while its claim holds; once the claim is gone it never finishes
		List<Attempt> attempts = this.jdbc.sql("""
				SELECT a.step_id, a.attempt, a.worker, a.started_at, a.finished_at, a.lease_until, a.error,
					CASE WHEN a.outcome IS NOT NULL THEN a.outcome
						WHEN s.lease_owner = a.worker AND s.version = a.claim_version AND s.lease_until >= now()
							THEN 'RUNNING'
						ELSE 'ABANDONED' END AS outcome
				FROM workflow_attempt a JOIN workflow_step s ON s.id = a.step_id
				WHERE s.workflow_id = :workflowId ORDER BY a.step_id, a.started_at, a.id""")
			.param("workflowId", workflowId)
			.query((rs, row) -> new Attempt(rs.getObject("step_id", UUID.class),
					new StepView.StepAttempt(rs.getInt("attempt"), rs.getString("worker"), instant(rs, "started_at"),
							instant(rs, "finished_at"), instant(rs, "lease_until"), rs.getString("outcome"),
							rs.getString("error"))))
			.list();
		return steps.stream()
			.map(step -> new StepView(step.id(), step.workflowId(), step.workflowType(), step.step(), step.status(),
					step.attempts(), step.dueAt(), step.lastError(), step.parkedReason(), step.createdAt(),
					step.updatedAt(), step.completedAt(),
					attempts.stream().filter(a -> a.stepId().equals(step.id())).map(Attempt::attempt).toList()))
			.toList();
	}

	List<TimelineEntry> timeline(UUID workflowId) {
		return this.jdbc
			.sql("SELECT at, kind, detail, actor FROM workflow_timeline WHERE workflow_id = :workflowId ORDER BY id")
			.param("workflowId", workflowId)
			.query((rs, row) -> new TimelineEntry(instant(rs, "at"), rs.getString("kind"), rs.getString("detail"),
					rs.getString("actor")))
			.list();
	}

	/** Steps per status, for the gauges. */
	StepCounts counts() {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,
					count(*) FILTER (WHERE status = 'PARKED') AS parked,
					count(*) FILTER (WHERE status = 'FAILED') AS failed,
					coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'PARKED')), 0)
						AS oldest_parked_seconds
				FROM workflow_step WHERE status IN ('PENDING', 'PARKED', 'FAILED')""")
			.query((rs, row) -> new StepCounts(rs.getLong("pending"), rs.getLong("parked"), rs.getLong("failed"),
					rs.getDouble("oldest_parked_seconds")))
			.single();
	}

	/**
	 * @param oldestParkedSeconds how long the oldest parked step has waited since it was scheduled
	 * (0 when none is parked)
	 */
	record StepCounts(long pending, long parked, long failed, double oldestParkedSeconds) {
	}

	private static StepClaim claim(ResultSet rs, int row) throws SQLException {
		return new StepClaim(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
				rs.getString("workflow_type"), rs.getString("step"), rs.getInt("attempts"), instant(rs, "due_at"),
				rs.getLong("version"), StepStatus.valueOf(rs.getString("status")), rs.getString("correlation_id"),
				rs.getString("traceparent"), rs.getString("lease_owner"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A PostgreSQL interval literal with millisecond precision. */
	private static String interval(Duration duration) {
		return Math.max(0, duration.toMillis()) + " milliseconds";
	}

}
