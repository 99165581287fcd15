package io.retailhub.process.platform.steps;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ops' "retry this parked step now": the step's backoff is cut short, it becomes due at once and
 * this instance's workers are woken to claim it.
 *
 * <p>One conditional UPDATE decides, on the row as it is when the statement gets its lock: the step
 * must be PARKED and not held by a live lease. A worker claiming the step at the same moment either
 * holds the row first (the UPDATE waits for its claim to commit, then sees the lease and changes
 * nothing: the step is running) or finds it locked and skips it until its next poll. The UPDATE
 * bumps the version, so a worker whose lease had expired (a frozen instance) loses its result, as
 * after any takeover. Two retries at once both only make the step due now: it still runs under one
 * claim at a time.
 */
@Component
public class ParkedStepRetries {

	private final JdbcClient jdbc;

	private final StepStore store;

	private final StepWakeUps wakeUps;

	ParkedStepRetries(JdbcClient jdbc, StepStore store, StepWakeUps wakeUps) {
		this.jdbc = jdbc;
		this.store = store;
		this.wakeUps = wakeUps;
	}

	/**
	 * Makes the parked step due now, records who asked on the workflow's timeline and wakes the
	 * workers after the commit.
	 * @param actor who asked ({@code ops:ops.olga}), null when nobody was named
	 * @return the step as it is after the change
	 * @throws UnknownStep when the workflow has no such step
	 * @throws NotParked when the step is not parked, or is running right now
	 */
	@Transactional
	public StepView retryNow(UUID workflowId, String step, String actor) {
		Optional<String> parkedReason = this.jdbc.sql("""
				UPDATE workflow_step
				SET due_at = now(), updated_at = now(), version = version + 1
				WHERE workflow_id = :workflowId AND step = :step AND status = 'PARKED'
					AND (lease_until IS NULL OR lease_until < now())
				RETURNING coalesce(parked_reason, '')""")
			.param("workflowId", workflowId)
			.param("step", step)
			.query(String.class)
			.optional();
		if (parkedReason.isEmpty()) {
			StepView current = find(workflowId, step).orElseThrow(() -> new UnknownStep(workflowId, step));
			throw new NotParked(current, isLeased(workflowId, step));
		}
		this.store.recordTimeline(workflowId, "step.retry-requested",
				"Step " + step + " retried now by hand (it was parked: " + parkedReason.get() + ").", actor);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ParkedStepRetries.this.wakeUps.signal();
			}
		});
		return find(workflowId, step).orElseThrow();
	}

	private Optional<StepView> find(UUID workflowId, String step) {
		return this.store.steps(workflowId).stream().filter(s -> s.step().equals(step)).findFirst();
	}

	private boolean isLeased(UUID workflowId, String step) {
		return this.jdbc.sql("""
				SELECT count(*) FROM workflow_step
				WHERE workflow_id = :workflowId AND step = :step AND lease_until >= now()""")
			.param("workflowId", workflowId)
			.param("step", step)
			.query(Integer.class)
			.single() > 0;
	}

	/** The workflow has no step of that name (or there is no such workflow). */
	public static final class UnknownStep extends RuntimeException {

		UnknownStep(UUID workflowId, String step) {
			super("Workflow " + workflowId + " has no step " + step + ".");
		}

	}

	/** The step is not waiting parked: it runs right now, or is pending, done, failed or canceled. */
	public static final class NotParked extends RuntimeException {

		private final transient StepView step;

		private final boolean running;

		NotParked(StepView step, boolean running) {
			super("Step " + step.step() + " of workflow " + step.workflowId() + " is "
					+ (running ? "running right now" : step.status().name()) + ", not parked: only a parked step can be retried now.");
			this.step = step;
			this.running = running;
		}

		public StepView step() {
			return this.step;
		}

		public boolean running() {
			return this.running;
		}

	}

}
