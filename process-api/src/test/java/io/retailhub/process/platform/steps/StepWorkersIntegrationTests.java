package io.retailhub.process.platform.steps;

import static io.retailhub.process.support.PlatformTestBeans.COUNTING_STEP;
import static io.retailhub.process.support.PlatformTestBeans.SCRIPTED_STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.retailhub.process.platform.internal.StoredTraces;
import io.retailhub.process.support.ProcessApiIntegrationTest;
import io.retailhub.process.support.ScriptedStepHandler;
import io.retailhub.process.support.ScriptedStepHandler.Execution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several workers over one database, as several process-api instances run: each step runs once,
 * never twice at the same time, and a crashed worker's steps are taken over.
 */
@ProcessApiIntegrationTest
class StepWorkersIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String WORKFLOW_TYPE = "platform-test";

	@Autowired
	WorkflowSteps steps;

	@Autowired
	StepWorker contextWorker;

	@Autowired
	StepStore store;

	@Autowired
	StepCompleter completer;

	@Autowired
	StepMetrics metrics;

	@Autowired
	StepWakeUps wakeUps;

	@Autowired
	StepSettings settings;

	@Autowired
	@Qualifier("countingStep")
	ScriptedStepHandler counting;

	@Autowired
	@Qualifier("scriptedStep")
	ScriptedStepHandler scripted;

	@Autowired
	List<StepHandler> handlers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final List<StepWorker> extraWorkers = new ArrayList<>();

	@AfterEach
	void stopExtraWorkersAndRestartTheContextOne() {
		this.extraWorkers.forEach(StepWorker::stop);
		this.contextWorker.start();
	}

	@Test
	void workersSharingADatabaseRunEachOfTwoHundredStepsExactlyOnce() {
		// given two more workers beside this instance's own, over the same database
		startWorker("worker-a", Duration.ofSeconds(30), this.counting.sharingExecutionsAs("worker-a"));
		startWorker("worker-b", Duration.ofSeconds(30), this.counting.sharingExecutionsAs("worker-b"));
		List<UUID> workflows = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			workflows.add(UUID.randomUUID());
		}

		// when 200 steps become due at once
		inTransaction(() -> workflows.forEach(
				workflow -> this.steps.schedule(workflow, WORKFLOW_TYPE, COUNTING_STEP, Instant.now())));

		// then every step runs and is DONE, and none ran twice
		await().atMost(PATIENCE).until(() -> doneCount(workflows) == workflows.size());
		Map<UUID, List<Execution>> executions = workflows.stream()
			.collect(Collectors.toMap(workflow -> workflow, this.counting::executions));
		assertThat(executions.values()).allSatisfy(runs -> assertThat(runs).hasSize(1));
		// and the work was shared: claims skipped each other's locked rows instead of colliding
		assertThat(executions.values().stream().map(runs -> runs.get(0).worker()).distinct()).hasSizeGreaterThan(1);
	}

	@Test
	void stepOfACrashedWorkerIsTakenOverOnceItsLeaseExpires() {
		// given a due step claimed by a worker that started an attempt and then crashed: its lease runs out in 300 ms
		UUID workflow = UUID.randomUUID();
		StepClaim crashed = inTransactionReturning(() -> {
			this.steps.schedule(workflow, WORKFLOW_TYPE, SCRIPTED_STEP, Instant.now());
			StepClaim claim = this.jdbc.sql("""
					UPDATE workflow_step SET lease_owner = 'crashed-worker',
						lease_until = now() + interval '300 milliseconds', version = version + 1
					WHERE workflow_id = :workflow
					RETURNING id, workflow_id, workflow_type, step, attempts, due_at, version, status, lease_owner""")
				.param("workflow", workflow)
				.query((rs, row) -> new StepClaim(rs.getObject("id", UUID.class), workflow, WORKFLOW_TYPE,
						SCRIPTED_STEP, rs.getInt("attempts"), rs.getTimestamp("due_at").toInstant(),
						rs.getLong("version"), StepStatus.valueOf(rs.getString("status")), null,
						null, rs.getString("lease_owner")))
				.single();
			assertThat(this.store.startAttempt(claim)).isPresent();
			return claim;
		});
		long crashedAttempt = this.jdbc.sql("SELECT id FROM workflow_attempt WHERE step_id = :step")
			.param("step", crashed.id())
			.query(Long.class)
			.single();

		// when the lease expires, then another worker claims the step and runs it, once
		StepView done = awaitStep(workflow, StepStatus.DONE);
		assertThat(this.scripted.executions(workflow)).hasSize(1);

		// and the crashed attempt shows as abandoned, the takeover starting only after its lease ran out
		// (both times are the database's: the claim compares the lease with the same clock)
		assertThat(done.history()).hasSize(2);
		StepView.StepAttempt abandoned = done.history().get(0);
		StepView.StepAttempt takeover = done.history().get(1);
		assertThat(abandoned.worker()).isEqualTo("crashed-worker");
		assertThat(abandoned.outcome()).isEqualTo("ABANDONED");
		assertThat(abandoned.finishedAt()).isNull();
		assertThat(takeover.worker()).isNotEqualTo("crashed-worker");
		assertThat(takeover.outcome()).isEqualTo("DONE");
		assertThat(takeover.startedAt()).isAfter(abandoned.leaseUntil());

		// and when the crashed worker comes back to complete its stale claim, its result is discarded
		StepOutcome outcome = this.completer.complete(crashed, crashedAttempt, this.scripted,
				StepResult.fail("stale", () -> this.steps.recordTimeline(workflow, "test.stale", "must not commit")));
		assertThat(outcome).isEqualTo(StepOutcome.LEASE_LOST);
		StepView after = awaitStep(workflow, StepStatus.DONE);
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(this.steps.timeline(workflow)).extracting(TimelineEntry::kind).doesNotContain("test.stale");
		// and its attempt is finished as what it was: a late result that lost its lease
		assertThat(after.history().get(0).outcome()).isEqualTo("LEASE_LOST");
		assertThat(after.history().get(0).finishedAt()).isAfter(takeover.startedAt());
	}

	@Test
	void slowStepKeepsItsLeaseWhileRunningSoNoOtherWorkerStartsIt() throws InterruptedException {
		// given only two workers with 300 ms leases, and a step that takes until the test lets it finish
		this.contextWorker.stop();
		CountDownLatch finish = new CountDownLatch(1);
		UUID workflow = UUID.randomUUID();
		this.scripted.script(workflow, step -> {
			try {
				finish.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return StepResult.done();
		});
		startWorker("short-lease-a", Duration.ofMillis(300), this.scripted.sharingExecutionsAs("short-lease-a"));
		startWorker("short-lease-b", Duration.ofMillis(300), this.scripted.sharingExecutionsAs("short-lease-b"));

		// when it starts and runs for several lease periods
		inTransaction(() -> this.steps.schedule(workflow, WORKFLOW_TYPE, SCRIPTED_STEP, Instant.now()));
		await().atMost(PATIENCE).until(() -> this.scripted.executions(workflow).size() == 1);

		// then its attempt is on record from the start, running under its worker's claim
		StepView.StepAttempt started = this.steps.steps(workflow).get(0).history().get(0);
		assertThat(started.outcome()).isEqualTo("RUNNING");
		assertThat(started.worker()).isEqualTo(this.scripted.executions(workflow).get(0).worker());
		assertThat(started.finishedAt()).isNull();

		// and its worker keeps renewing the lease, the attempt's with it: nobody else starts it meanwhile
		await().during(Duration.ofMillis(1200))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.scripted.executions(workflow).size() == 1);
		StepView.StepAttempt stillRunning = this.steps.steps(workflow).get(0).history().get(0);
		assertThat(stillRunning.outcome()).isEqualTo("RUNNING");
		assertThat(stillRunning.leaseUntil()).isAfter(started.leaseUntil());

		// and once it finishes, it is DONE after a single execution, its one attempt finished
		finish.countDown();
		StepView done = awaitStep(workflow, StepStatus.DONE);
		assertThat(this.scripted.executions(workflow)).hasSize(1);
		assertThat(done.history()).singleElement().satisfies(attempt -> {
			assertThat(attempt.outcome()).isEqualTo("DONE");
			assertThat(attempt.worker()).isEqualTo(started.worker());
			assertThat(attempt.finishedAt()).isAfter(attempt.startedAt());
		});
	}

	@Test
	void stoppingAWorkerLetsItsRunningStepFinish() throws InterruptedException {
		// given a worker running a step that has not finished yet
		this.contextWorker.stop();
		CountDownLatch finish = new CountDownLatch(1);
		UUID workflow = UUID.randomUUID();
		this.scripted.script(workflow, step -> {
			try {
				finish.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return StepResult.done();
		});
		StepWorker worker = startWorker("stopping", Duration.ofSeconds(30), this.scripted);
		inTransaction(() -> this.steps.schedule(workflow, WORKFLOW_TYPE, SCRIPTED_STEP, Instant.now()));
		await().atMost(PATIENCE).until(() -> this.scripted.executions(workflow).size() == 1);

		// when the worker is told to stop while the step runs, and the step then finishes
		Thread stopping = new Thread(worker::stop, "stopping-worker");
		stopping.start();
		await().atMost(PATIENCE).until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(stopping::isAlive);
		finish.countDown();
		stopping.join(PATIENCE.toMillis());

		// then stopping waited for the step, which completed; the worker claims nothing more
		assertThat(stopping.isAlive()).isFalse();
		assertThat(worker.isRunning()).isFalse();
		StepView done = awaitStep(workflow, StepStatus.DONE);
		assertThat(done.attempts()).isEqualTo(1);
	}

	private StepWorker startWorker(String owner, Duration lease, StepHandler handler) {
		StepSettings workerSettings = new StepSettings(this.settings.pollInterval(), this.settings.batchSize(),
				this.settings.concurrency(), lease, this.settings.maxAttempts(), Duration.ofSeconds(10),
				this.settings.backoff(), this.settings.overrides());
		// the instance's handlers, with the test's variant in place of the one it replaces
		List<StepHandler> workerHandlers = new ArrayList<>(
				this.handlers.stream().filter(other -> !other.step().equals(handler.step())).toList());
		workerHandlers.add(handler);
		StepWorker worker = new StepWorker(owner, this.store, new StepHandlers(workerHandlers),
				new StepCompleter(this.store, workerSettings, this.transactionManager), this.metrics, this.wakeUps,
				workerSettings, StoredTraces.none());
		worker.start();
		this.extraWorkers.add(worker);
		return worker;
	}

	private long doneCount(List<UUID> workflows) {
		return this.jdbc.sql("SELECT count(*) FROM workflow_step WHERE workflow_id = ANY(:ids) AND status = 'DONE'")
			.param("ids", workflows.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private StepView awaitStep(UUID workflow, StepStatus status) {
		await().atMost(PATIENCE).until(() -> this.steps.steps(workflow).get(0).status() == status);
		return this.steps.steps(workflow).get(0);
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> work.run());
	}

	private <T> T inTransactionReturning(Supplier<T> work) {
		return new TransactionTemplate(this.transactionManager).execute(status -> work.get());
	}

}
