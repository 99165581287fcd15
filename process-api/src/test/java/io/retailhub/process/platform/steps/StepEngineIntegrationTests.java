package io.retailhub.process.platform.steps;

import static io.retailhub.process.support.PlatformTestBeans.COUNTING_STEP;
import static io.retailhub.process.support.PlatformTestBeans.EXHAUSTING_MAX_ATTEMPTS;
import static io.retailhub.process.support.PlatformTestBeans.EXHAUSTING_STEP;
import static io.retailhub.process.support.PlatformTestBeans.SCRIPTED_STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.process.support.ProcessApiIntegrationTest;
import io.retailhub.process.support.ScriptedStepHandler;
import io.retailhub.process.support.ScriptedStepHandler.Execution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ProcessApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StepEngineIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final String WORKFLOW_TYPE = "platform-test";

	@Autowired
	WorkflowSteps steps;

	@Autowired
	@Qualifier("scriptedStep")
	ScriptedStepHandler scripted;

	@Autowired
	@Qualifier("exhaustingStep")
	ScriptedStepHandler exhausting;

	@Autowired
	@Qualifier("countingStep")
	ScriptedStepHandler counting;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	StepStore store;

	private final UUID workflowId = UUID.randomUUID();

	@Test
	void dueStepRunsOnceAndItsWorkCommitsWithDone() {
		// given a step whose handler succeeds and records something with its result
		this.scripted.script(this.workflowId,
				step -> StepResult.done(() -> this.steps.recordTimeline(step.workflowId(), "test.work", "applied")));

		// when it is scheduled, due now
		schedule(SCRIPTED_STEP, Instant.now());

		// then it runs once with a stable idempotency key, and is DONE with its work committed
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		List<Execution> executions = this.scripted.executions(this.workflowId);
		assertThat(executions).hasSize(1);
		assertThat(executions.get(0).step().attempt()).isEqualTo(1);
		assertThat(executions.get(0).step().idempotencyKey()).isEqualTo(this.workflowId + ":" + SCRIPTED_STEP);
		assertThat(executions.get(0).step().workflowType()).isEqualTo(WORKFLOW_TYPE);
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(done.completedAt()).isNotNull();
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome).containsExactly("DONE");
		assertThat(this.steps.timeline(this.workflowId)).extracting(TimelineEntry::kind)
			.containsExactly("test.work", "step.done");
	}

	@Test
	void retriedStepBacksOffThenCompletes() {
		// given a step that fails twice, then succeeds
		this.scripted.script(this.workflowId, step -> StepResult.retry("flaky 1"), step -> StepResult.retry("flaky 2"),
				step -> StepResult.done());

		// when it runs
		schedule(SCRIPTED_STEP, Instant.now());

		// then it is DONE after three attempts, each with the same key, each due after a backoff
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		assertThat(done.attempts()).isEqualTo(3);
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome).containsExactly("RETRY", "RETRY", "DONE");
		assertThat(done.history()).extracting(StepView.StepAttempt::error).containsExactly("flaky 1", "flaky 2", null);
		assertThat(done.lastError()).isEqualTo("flaky 2");
		List<Execution> executions = this.scripted.executions(this.workflowId);
		assertThat(executions).extracting(e -> e.step().attempt()).containsExactly(1, 2, 3);
		assertThat(executions).extracting(e -> e.step().idempotencyKey())
			.containsOnly(this.workflowId + ":" + SCRIPTED_STEP);
		// equal jitter on a 10 ms base: at least 5 ms, then at least 10 ms after the failed attempt
		assertThat(Duration.between(done.history().get(0).startedAt(), executions.get(1).step().dueAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(5));
		assertThat(Duration.between(done.history().get(1).startedAt(), executions.get(2).step().dueAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(10));
	}

	@Test
	void handlerThatThrowsIsRetried() {
		// given a handler that throws on its first attempt
		this.scripted.script(this.workflowId, step -> {
			throw new IllegalStateException("boom");
		}, step -> StepResult.done());

		// when the step runs
		schedule(SCRIPTED_STEP, Instant.now());

		// then the exception counted as a retry, and the step completed on the next attempt
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome).containsExactly("RETRY", "DONE");
		assertThat(done.history().get(0).error()).isEqualTo("IllegalStateException: boom");
	}

	@Test
	void parkedStepIsVisibleAndResumesByItselfOnceTheBackendIsBack(CapturedOutput output) {
		// given a step whose backend is down; while parked it schedules an independent step (once)
		AtomicBoolean backendDown = new AtomicBoolean(true);
		this.scripted.script(this.workflowId, step -> backendDown.get()
				? StepResult.park("payment unavailable",
						() -> this.steps.schedule(step.workflowId(), WORKFLOW_TYPE, COUNTING_STEP, Instant.now()))
				: StepResult.done());

		// when it runs
		schedule(SCRIPTED_STEP, Instant.now());

		// then it is PARKED with its reason, keeps trying with backoff, and alerts once
		await().atMost(PATIENCE).until(() -> step(SCRIPTED_STEP).attempts() >= 3);
		StepView parked = step(SCRIPTED_STEP);
		assertThat(parked.status()).isEqualTo(StepStatus.PARKED);
		assertThat(parked.parkedReason()).isEqualTo("payment unavailable");
		// and its age is what the parked-age gauge reads
		assertThat(this.store.counts().oldestParkedSeconds()).isPositive();
		assertThat(output.getAll().lines().filter(line -> line.contains("ALERT step parked")
				&& line.contains(this.workflowId.toString()))).hasSize(1);
		// and the independent step went on regardless, once
		awaitStatus(COUNTING_STEP, StepStatus.DONE);
		assertThat(this.counting.executions(this.workflowId)).hasSize(1);

		// when the backend is back
		backendDown.set(false);

		// then the step completes by itself, no longer parked
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		assertThat(done.parkedReason()).isNull();
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome).startsWith("PARKED", "PARKED", "PARKED")
			.endsWith("DONE");
		assertThat(this.steps.timeline(this.workflowId)).extracting(TimelineEntry::kind)
			.containsOnlyOnce("step.parked");
	}

	@Test
	void parkedStepTellsItsWorkWhenTheNextAttemptIsDue() {
		// given a step that parks twice, noting the next attempt time the engine gives its work
		List<Instant> announced = new CopyOnWriteArrayList<>();
		this.scripted.script(this.workflowId, step -> StepResult.park("erp down", announced::add),
				step -> StepResult.park("erp down", announced::add), step -> StepResult.done());

		// when it runs
		schedule(SCRIPTED_STEP, Instant.now());

		// then each announced time is exactly when the next attempt was due, after backoff and jitter
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		List<ScriptedStepHandler.Execution> executions = this.scripted.executions(this.workflowId);
		assertThat(announced).hasSize(2);
		assertThat(announced.get(0)).isEqualTo(executions.get(1).step().dueAt())
			.isAfter(done.history().get(0).startedAt());
		assertThat(announced.get(1)).isEqualTo(executions.get(2).step().dueAt())
			.isAfter(done.history().get(1).startedAt());
	}

	@Test
	void stepThatKeepsFailingFailsAfterMaxAttemptsThroughTheExhaustedHook(CapturedOutput output) {
		// given a step (allowed 3 attempts) that always asks for a retry
		this.exhausting.script(this.workflowId, step -> StepResult.retry("still broken"));

		// when it runs
		schedule(EXHAUSTING_STEP, Instant.now());

		// then after its last attempt the handler's exhausted() decides: FAILED, logged as an error
		StepView failed = awaitStatus(EXHAUSTING_STEP, StepStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(EXHAUSTING_MAX_ATTEMPTS);
		assertThat(this.exhausting.executions(this.workflowId)).hasSize(EXHAUSTING_MAX_ATTEMPTS);
		assertThat(this.exhausting.exhaustedWith(this.workflowId)).isEqualTo("still broken");
		assertThat(failed.lastError()).isEqualTo("still broken");
		assertThat(failed.history()).extracting(StepView.StepAttempt::outcome).containsExactly("RETRY", "RETRY", "FAILED");
		assertThat(this.steps.timeline(this.workflowId)).extracting(TimelineEntry::kind).containsOnlyOnce("step.failed");
		assertThat(output.getAll()).containsPattern("ERROR .*step failed: " + EXHAUSTING_STEP);
	}

	@Test
	void parkingDoesNotUseUpAttempts() {
		// given a step allowed 3 attempts that parks three times, then needs one retry, then succeeds
		this.exhausting.script(this.workflowId, step -> StepResult.park("erp down"), step -> StepResult.park("erp down"),
				step -> StepResult.park("erp down"), step -> StepResult.retry("timeout, outcome unknown"),
				step -> StepResult.done());

		// when it runs
		schedule(EXHAUSTING_STEP, Instant.now());

		// then the outage did not count against it: it completes on its fifth attempt
		StepView done = awaitStatus(EXHAUSTING_STEP, StepStatus.DONE);
		assertThat(done.attempts()).isEqualTo(5);
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome)
			.containsExactly("PARKED", "PARKED", "PARKED", "RETRY", "DONE");
		assertThat(this.exhausting.exhaustedWith(this.workflowId)).isNull();
	}

	@Test
	void stepWithoutAHandlerFailsWithAClearError() {
		// given a step name no handler knows, when it is due
		schedule("test.nobody-handles-this", Instant.now());

		// then it fails at once, saying why
		StepView failed = awaitStatus("test.nobody-handles-this", StepStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError())
			.isEqualTo("No handler is registered for step 'test.nobody-handles-this' (workflow type platform-test)");
	}

	@Test
	void workThatCannotBeAppliedCountsAsARetry() {
		// given a step whose first result carries work that fails in the database transaction
		this.scripted.script(this.workflowId, step -> StepResult.done(() -> {
			this.steps.recordTimeline(step.workflowId(), "test.half-done", "must roll back");
			throw new IllegalStateException("constraint violated");
		}), step -> StepResult.done());

		// when it runs
		schedule(SCRIPTED_STEP, Instant.now());

		// then nothing of the failed work committed; the attempt counted as a retry and the next one completed
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome).containsExactly("RETRY", "DONE");
		assertThat(done.history().get(0).error())
			.isEqualTo("applying the result failed: IllegalStateException: constraint violated");
		assertThat(this.steps.timeline(this.workflowId)).extracting(TimelineEntry::kind).doesNotContain("test.half-done");
	}

	@Test
	void workThatMeetsAConcurrentUpdateIsAppliedAgainWithoutRepeatingTheStep() {
		// given a step whose work loses an optimistic lock twice (another transaction changed the
		// same row between the step's read and its completion), then applies
		AtomicInteger applications = new AtomicInteger();
		this.scripted.script(this.workflowId, step -> StepResult.done(() -> {
			this.steps.recordTimeline(step.workflowId(), "test.work", "applied " + applications.incrementAndGet());
			if (applications.get() < StepCompleter.MAX_CONCURRENT_UPDATE_CONFLICTS) {
				throw new ObjectOptimisticLockingFailureException("ReturnCase", step.workflowId());
			}
		}));

		// when it runs
		schedule(SCRIPTED_STEP, Instant.now());

		// then the work was applied again on fresh state in place: one attempt, the handler ran once,
		// and only the last application's writes committed
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome).containsExactly("DONE");
		assertThat(this.scripted.executions(this.workflowId)).hasSize(1);
		assertThat(this.steps.timeline(this.workflowId)).extracting(TimelineEntry::detail)
			.contains("applied " + StepCompleter.MAX_CONCURRENT_UPDATE_CONFLICTS)
			.doesNotContain("applied 1");
	}

	@Test
	void workThatKeepsMeetingConcurrentUpdatesCountsAsARetry() {
		// given a step whose work loses its optimistic lock every time on the first attempt
		this.scripted.script(this.workflowId, step -> StepResult.done(() -> {
			throw new ObjectOptimisticLockingFailureException("ReturnCase", step.workflowId());
		}), step -> StepResult.done());

		// when it runs
		schedule(SCRIPTED_STEP, Instant.now());

		// then after the in-place attempts the attempt counts as a retry, and the next attempt completes
		StepView done = awaitStatus(SCRIPTED_STEP, StepStatus.DONE);
		assertThat(done.history()).extracting(StepView.StepAttempt::outcome).containsExactly("RETRY", "DONE");
		assertThat(done.history().get(0).error()).startsWith("applying the result failed: ObjectOptimisticLockingFailureException");
	}

	@Test
	void schedulingTheSameStepTwiceIsANoOp() {
		// given a step scheduled for later
		Instant later = Instant.now().plus(Duration.ofHours(1));
		schedule(SCRIPTED_STEP, later);

		// when it is scheduled again, due now
		schedule(SCRIPTED_STEP, Instant.now());

		// then the workflow still has one such step, due when first scheduled
		List<StepView> all = this.steps.steps(this.workflowId);
		assertThat(all).hasSize(1);
		assertThat(all.get(0).dueAt()).isCloseTo(later, within(Duration.ofMillis(1)));
	}

	@Test
	void canceledStepIsNeverClaimed() {
		// given a step due now, canceled in the transaction that scheduled it
		inTransaction(() -> {
			this.steps.schedule(this.workflowId, WORKFLOW_TYPE, COUNTING_STEP, Instant.now());
			this.steps.cancel(this.workflowId, COUNTING_STEP);
		});

		// when a later step of the same workflow has run
		schedule(SCRIPTED_STEP, Instant.now());
		awaitStatus(SCRIPTED_STEP, StepStatus.DONE);

		// then the canceled one stayed canceled and never ran
		assertThat(step(COUNTING_STEP).status()).isEqualTo(StepStatus.CANCELED);
		assertThat(this.counting.executions(this.workflowId)).isEmpty();
		assertThat(this.steps.timeline(this.workflowId)).extracting(TimelineEntry::kind).contains("step.canceled");
	}

	@Test
	void schedulingOutsideATransactionIsRefused() {
		// given no transaction, when scheduling, then the engine refuses: a step belongs to a state change
		assertThatThrownBy(() -> this.steps.schedule(this.workflowId, WORKFLOW_TYPE, SCRIPTED_STEP, Instant.now()))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private void schedule(String step, Instant dueAt) {
		inTransaction(() -> this.steps.schedule(this.workflowId, WORKFLOW_TYPE, step, dueAt));
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> work.run());
	}

	private StepView awaitStatus(String step, StepStatus status) {
		await().atMost(PATIENCE).until(() -> step(step).status() == status);
		return step(step);
	}

	private StepView step(String step) {
		return this.steps.steps(this.workflowId)
			.stream()
			.filter(view -> view.step().equals(step))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + step));
	}

}
