package io.retailhub.process.platform.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.retailhub.process.platform.internal.CorrelationContext;
import io.retailhub.process.platform.internal.StoredTraces;
import io.retailhub.process.platform.polling.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Claims due steps and runs them, several at a time.
 *
 * <p>Each round claims (leases) at most as many due steps as it has free execution slots, in one
 * short statement ({@code FOR UPDATE SKIP LOCKED}): instances never wait for each other and never
 * claim the same step. Each claimed step's handler runs on the pool without a transaction; its
 * result is then applied by the {@link StepCompleter}, which first checks the lease is still this
 * worker's. Leases of running steps are renewed, so only a crashed (or frozen) instance's claims
 * expire and are taken over by another instance, which runs the step again: handlers are
 * idempotent for that reason.
 *
 * <p>Stopping stops claiming, lets running steps finish for up to the shutdown timeout and gives
 * back the leases of steps that never started. A step still running after the timeout keeps its
 * lease until it expires: releasing it early could let another instance run it concurrently.
 */
final class StepWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StepWorker.class);

	private final String owner;

	private final StepStore store;

	private final StepHandlers handlers;

	private final StepCompleter completer;

	private final StepMetrics metrics;

	private final StepWakeUps wakeUps;

	private final StepSettings settings;

	private final StoredTraces traces;

	private final Semaphore slots;

	private final Map<UUID, StepClaim> running = new ConcurrentHashMap<>();

	private final PollingLoop loop;

	private final Runnable wakeUp;

	private volatile ExecutorService executor;

	private volatile boolean accepting;

	private volatile long lastRenewalNanos = System.nanoTime();

	StepWorker(String owner, StepStore store, StepHandlers handlers, StepCompleter completer, StepMetrics metrics,
			StepWakeUps wakeUps, StepSettings settings, StoredTraces traces) {
		this.owner = owner;
		this.store = store;
		this.handlers = handlers;
		this.completer = completer;
		this.metrics = metrics;
		this.wakeUps = wakeUps;
		this.settings = settings;
		this.traces = traces;
		this.slots = new Semaphore(settings.concurrency());
		this.loop = new PollingLoop("step-worker-" + owner, settings.pollInterval(), this::round);
		this.wakeUp = this.loop::wakeUp;
	}

	/** This worker's lease owner name. */
	String owner() {
		return this.owner;
	}

	private boolean round() {
		renewLeasesIfDue();
		int free = this.slots.availablePermits();
		if (free == 0 || !this.accepting) {
			return false;
		}
		int limit = Math.min(this.settings.batchSize(), free);
		List<StepClaim> claims = this.store.claim(this.owner, this.settings.lease(), limit);
		for (StepClaim claim : claims) {
			this.slots.acquireUninterruptibly();
			this.running.put(claim.id(), claim);
			this.executor.execute(new Attempt(claim));
		}
		return claims.size() == limit && this.slots.availablePermits() > 0;
	}

	private void renewLeasesIfDue() {
		long now = System.nanoTime();
		if (now - this.lastRenewalNanos < this.settings.lease().toNanos() / 3) {
			return;
		}
		this.lastRenewalNanos = now;
		this.store.renew(this.owner, this.running.keySet(), this.settings.lease());
	}

	private void run(StepClaim claim) {
		// in the workflow's trace: its calls to the system API and the events it records carry it
		try (StoredTraces.Scope trace = this.traces.resume("step " + claim.step(), claim.traceparent())
			.tag("workflow.type", claim.workflowType())
			.tag("workflow.step", claim.step());
				CorrelationContext.Scope scope = CorrelationContext.open(claim.correlationId())) {
			// recorded before anything is done, so that an attempt that never finishes stays visible
			Optional<Long> attempt = this.store.startAttempt(claim);
			if (attempt.isEmpty()) {
				log.warn("step {} of workflow {}: the claim was lost before the attempt started; not run",
						claim.step(), claim.workflowId());
				return;
			}
			StepHandler handler = this.handlers.forStep(claim.step()).orElse(null);
			StepResult result = handler == null
					? StepResult.fail("No handler is registered for step '" + claim.step() + "' (workflow type "
							+ claim.workflowType() + ")")
					: execute(handler, claim);
			StepOutcome outcome = this.completer.complete(claim, attempt.get(), handler, result);
			this.metrics.attempt(claim.step(), outcome);
		}
		catch (RuntimeException ex) {
			log.error("step {} of workflow {}: could not record the attempt; the step runs again when the lease expires",
					claim.step(), claim.workflowId(), ex);
		}
		finally {
			this.running.remove(claim.id());
			this.slots.release();
			this.loop.wakeUp();
		}
	}

	private StepResult execute(StepHandler handler, StepClaim claim) {
		long started = System.nanoTime();
		try {
			StepResult result = handler.execute(claim.execution());
			return result != null ? result : StepResult.retry("the handler returned no result");
		}
		catch (RuntimeException ex) {
			log.warn("step {} of workflow {}: handler threw; counts as a retry", claim.step(), claim.workflowId(), ex);
			return StepResult.retry(StepCompleter.describe(ex));
		}
		finally {
			this.metrics.executed(claim.step(), Duration.ofNanos(System.nanoTime() - started));
		}
	}

	/** Starts after the outbox relay, before the Kafka listeners; stops in the opposite order. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	@Override
	public synchronized void start() {
		if (this.loop.isRunning()) {
			return;
		}
		this.executor = Executors.newFixedThreadPool(this.settings.concurrency(), threads(this.owner));
		this.accepting = true;
		this.wakeUps.subscribe(this.wakeUp);
		this.loop.start();
		log.info("step worker {} started: up to {} steps at a time", this.owner, this.settings.concurrency());
	}

	@Override
	public synchronized void stop() {
		if (!this.loop.isRunning()) {
			return;
		}
		this.accepting = false;
		this.wakeUps.unsubscribe(this.wakeUp);
		// an interrupted claim leaves its rows leased until the lease expires: harmless, only later
		this.loop.stop(this.settings.pollInterval().plusSeconds(5));
		ExecutorService pool = this.executor;
		pool.shutdown();
		try {
			if (!pool.awaitTermination(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				for (Runnable neverStarted : pool.shutdownNow()) {
					if (neverStarted instanceof Attempt attempt) {
						this.store.release(attempt.claim);
					}
				}
				log.warn("step worker {} stopped with {} step(s) still running; their leases expire in {}",
						this.owner, this.running.size(), this.settings.lease());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			pool.shutdownNow();
		}
		log.info("step worker {} stopped", this.owner);
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

	private static ThreadFactory threads(String owner) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "step-" + owner + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** A claimed step on its way through the pool; kept as a type so shutdown can release unstarted ones. */
	private final class Attempt implements Runnable {

		private final StepClaim claim;

		Attempt(StepClaim claim) {
			this.claim = claim;
		}

		@Override
		public void run() {
			StepWorker.this.run(this.claim);
		}

	}

}
