package io.retailhub.process.platform.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an attempt's result: in one transaction, checks the claim still holds, finishes the
 * attempt's record with its outcome, applies the result's {@link TransactionWork} and moves the step
 * on. If the work fails, nothing of it commits; the attempt is then finished as a retry on its own.
 * An attempt whose claim was lost is finished as LEASE_LOST and changes nothing else.
 */
@Component
class StepCompleter {

	private static final Logger log = LoggerFactory.getLogger(StepCompleter.class);

	/** Marks log lines an alerting rule should page on; the message starts with the same word. */
	static final Marker ALERT = MarkerFactory.getMarker("ALERT");

	/** Longest error text kept per attempt: enough for a message, not for a stack trace. */
	private static final int MAX_ERROR_LENGTH = 4000;

	/** How often a result is applied again after a concurrent update before it counts as a failure. */
	static final int MAX_CONCURRENT_UPDATE_CONFLICTS = 3;

	private final StepStore store;

	private final StepSettings settings;

	private final TransactionTemplate transactions;

	StepCompleter(StepStore store, StepSettings settings, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * @param attemptId the attempt's record, written when it started ({@link StepStore#startAttempt})
	 * @param handler null when no handler knows the step
	 */
	StepOutcome complete(StepClaim claim, long attemptId, StepHandler handler, StepResult result) {
		try {
			return applyOnFreshState(claim, attemptId, handler, result);
		}
		catch (RuntimeException ex) {
			log.warn("step {} of workflow {}: its result could not be applied; recording a retry", claim.step(),
					claim.workflowId(), ex);
			String error = "applying the result failed: " + describe(ex);
			return this.transactions.execute(status -> apply(claim, attemptId, null, StepResult.retry(error)));
		}
	}

	/**
	 * Another transaction (an event listener, a cancel) may change the same aggregate between the
	 * step's read and its completion. Every {@link TransactionWork} reads what it changes inside
	 * its own transaction, so running it again on fresh state is correct, and far cheaper than
	 * recording a retry that repeats the step's outside work after a backoff.
	 */
	private StepOutcome applyOnFreshState(StepClaim claim, long attemptId, StepHandler handler, StepResult result) {
		for (int conflicts = 0;; conflicts++) {
			try {
				return this.transactions.execute(status -> apply(claim, attemptId, handler, result));
			}
			catch (RuntimeException ex) {
				if (!isConcurrentUpdate(ex) || conflicts + 1 >= MAX_CONCURRENT_UPDATE_CONFLICTS) {
					throw ex;
				}
				log.debug("step {} of workflow {}: concurrent update, applying the result again on fresh state",
						claim.step(), claim.workflowId());
			}
		}
	}

	private StepOutcome apply(StepClaim claim, long attemptId, StepHandler handler, StepResult result) {
		Optional<StepStatus> current = this.store.lockIfStillClaimed(claim);
		if (current.isEmpty()) {
			log.warn("step {} of workflow {}: lease lost (expired or canceled) before completion; result discarded",
					claim.step(), claim.workflowId());
			this.store.finishAttempt(attemptId, StepOutcome.LEASE_LOST.recorded(),
					"the claim was lost (expired or canceled) before the attempt finished; its result was discarded");
			return StepOutcome.LEASE_LOST;
		}
		int attempt = claim.attempts() + 1;
		StepPolicy policy = this.settings.policy(claim.step());
		StepResult effective = result;
		// parking waits for a backend to come back and may go on for hours: only retries use up attempts
		if (result instanceof StepResult.Retry retry && this.store.retries(claim) + 1 >= policy.maxAttempts()) {
			effective = exhausted(claim, handler, retry.error());
		}
		if (effective instanceof StepResult.Done done) {
			this.store.finishAttempt(attemptId, StepOutcome.DONE.recorded(), null);
			done.work().apply();
			this.store.markDone(claim, attempt);
			this.store.recordTimeline(claim.workflowId(), "step.done",
					"Step " + claim.step() + " done after " + attempt + " attempt(s).");
			return StepOutcome.DONE;
		}
		if (effective instanceof StepResult.Retry retry) {
			String error = truncate(retry.error());
			Duration delay = policy.backoff(attempt, ThreadLocalRandom.current()::nextDouble);
			this.store.finishAttempt(attemptId, StepOutcome.RETRY.recorded(), error);
			retry.work().apply();
			this.store.reschedule(claim, StepStatus.PENDING, attempt, delay, error, null);
			log.info("step {} of workflow {}: attempt {} failed, retrying in {} ms: {}", claim.step(),
					claim.workflowId(), attempt, delay.toMillis(), error);
			return StepOutcome.RETRY;
		}
		if (effective instanceof StepResult.Park park) {
			String reason = truncate(park.reason());
			Duration delay = policy.backoff(attempt, ThreadLocalRandom.current()::nextDouble);
			this.store.finishAttempt(attemptId, StepOutcome.PARKED.recorded(), reason);
			park.work().apply();
			Instant nextAttemptAt = this.store.reschedule(claim, StepStatus.PARKED, attempt, delay, reason, reason);
			park.rescheduled().apply(nextAttemptAt);
			if (current.get() != StepStatus.PARKED) {
				log.warn(ALERT, "ALERT step parked: {} of {} workflow {}: {}; retrying by itself with backoff",
						claim.step(), claim.workflowType(), claim.workflowId(), reason);
				this.store.recordTimeline(claim.workflowId(), "step.parked",
						"Step " + claim.step() + " parked: " + reason);
			}
			else {
				log.info("step {} of workflow {} still parked, next try in {} ms: {}", claim.step(),
						claim.workflowId(), delay.toMillis(), reason);
			}
			return StepOutcome.PARKED;
		}
		StepResult.Fail fail = (StepResult.Fail) effective;
		String error = truncate(fail.error());
		this.store.finishAttempt(attemptId, StepOutcome.FAILED.recorded(), error);
		fail.work().apply();
		this.store.markFailed(claim, attempt, error);
		this.store.recordTimeline(claim.workflowId(), "step.failed",
				"Step " + claim.step() + " failed after " + attempt + " attempt(s): " + error);
		log.error("step failed: {} of {} workflow {} after {} attempt(s): {}", claim.step(), claim.workflowType(),
				claim.workflowId(), attempt, error);
		return StepOutcome.FAILED;
	}

	/** The handler's verdict once attempts ran out; a plain failure if it has none or throws. */
	private StepResult exhausted(StepClaim claim, StepHandler handler, String lastError) {
		String error = "gave up after " + (claim.attempts() + 1) + " attempt(s): " + lastError;
		if (handler == null) {
			return StepResult.fail(error);
		}
		try {
			StepResult verdict = handler.exhausted(claim.execution(), lastError);
			return verdict != null ? verdict : StepResult.fail(error);
		}
		catch (RuntimeException ex) {
			log.error("step {} of workflow {}: exhausted() threw; failing the step", claim.step(), claim.workflowId(),
					ex);
			return StepResult.fail(error);
		}
	}

	/** A lost optimistic lock, whether Spring translated it or it came straight from JPA at a flush. */
	private static boolean isConcurrentUpdate(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingFailureException || cause instanceof OptimisticLockException
					|| cause instanceof StaleStateException) {
				return true;
			}
		}
		return false;
	}

	static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
	}

	private static String truncate(String text) {
		return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
	}

}
