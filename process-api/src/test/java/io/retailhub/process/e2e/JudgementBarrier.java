package io.retailhub.process.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.retailhub.process.workflows.ReturnWorkflow;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * A barrier in the database that stops the eligibility judgements of some returns at the same
 * point, so that they are all in flight at once, whatever the machine's speed: each judgement that
 * finds its return eligible schedules {@code return.create-rma} before it commits, and the barrier
 * holds an uncommitted row of that step for each of the returns. The scheduling insert then waits
 * for the barrier's transaction, after the judgement has read the other returns of the order and
 * decided. Judgements serialised by the order's lock wait for the lock instead, behind the one at
 * the barrier. {@link #release()} rolls the rows back and every judgement goes on.
 *
 * <p>Without the order's lock, every judgement reads the others before any commits and finds the
 * order's units all still available; with it, the second reads only after the first committed.
 */
public final class JudgementBarrier {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final Connection connection;

	private final JdbcClient observer;

	private final int pid;

	private JudgementBarrier(Connection connection, JdbcClient observer, int pid) {
		this.connection = connection;
		this.observer = observer;
		this.pid = pid;
	}

	/** Puts the barrier up for the returns (before their judgements can get there). */
	public static JudgementBarrier before(DataSource database, List<UUID> returnIds) {
		try {
			Connection connection = database.getConnection();
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO workflow_step (id, workflow_id, workflow_type, step, status, attempts, due_at)
					VALUES (?, ?, ?, ?, 'CANCELED', 0, ?)""")) {
				for (UUID returnId : returnIds) {
					insert.setObject(1, UUID.randomUUID());
					insert.setObject(2, returnId);
					insert.setString(3, ReturnWorkflow.TYPE);
					insert.setString(4, ReturnWorkflow.CREATE_RMA);
					insert.setTimestamp(5, Timestamp.from(Instant.now()));
					insert.addBatch();
				}
				insert.executeBatch();
			}
			int pid;
			try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
					ResultSet result = query.executeQuery()) {
				result.next();
				pid = result.getInt(1);
			}
			return new JudgementBarrier(connection, JdbcClient.create(database), pid);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the barrier could not be put up", ex);
		}
	}

	/**
	 * Waits until {@code judgements} transactions are stopped: at the barrier, or waiting for the
	 * order's lock held by one that is.
	 */
	public void awaitStopped(int judgements) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> stopped() >= judgements);
	}

	/** Transactions waiting, directly or through others, for the barrier, in a judgement's statements. */
	public long stopped() {
		return observer.sql("""
				WITH RECURSIVE behind(pid) AS (
					SELECT a.pid FROM pg_stat_activity a WHERE :barrier = ANY(pg_blocking_pids(a.pid))
					UNION
					SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY(pg_blocking_pids(a.pid)))
				SELECT count(*) FROM pg_stat_activity a JOIN behind b ON b.pid = a.pid
				WHERE a.query ILIKE '%pg_advisory_xact_lock%' OR a.query ILIKE '%INSERT INTO workflow_step%'""")
			.param("barrier", pid)
			.query(Long.class)
			.single();
	}

	/** Takes the barrier down: its rows roll back, the judgements go on. */
	public void release() {
		try (connection) {
			connection.rollback();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the barrier could not be taken down", ex);
		}
	}
}
