package io.retailhub.process.platform.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.retailhub.process.platform.internal.CorrelationContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link WorkflowSteps} on the workflow_step, workflow_attempt and workflow_timeline tables. */
@Component
class DurableWorkflowSteps implements WorkflowSteps {

	private final StepStore store;

	private final StepWakeUps wakeUps;

	private final StepSettings settings;

	DurableWorkflowSteps(StepStore store, StepWakeUps wakeUps, StepSettings settings) {
		this.store = store;
		this.wakeUps = wakeUps;
		this.settings = settings;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void schedule(UUID workflowId, String workflowType, String step, Instant dueAt) {
		require(workflowId, "workflowId");
		require(workflowType, "workflowType");
		require(step, "step");
		require(dueAt, "dueAt");
		boolean inserted = this.store.insert(workflowId, workflowType, step, dueAt,
				CorrelationContext.correlationId().orElse(null), CorrelationContext.traceparent().orElse(null));
		// a step due before the next poll would wait for it; wake the workers once the step is visible
		if (inserted && dueAt.isBefore(Instant.now().plus(this.settings.pollInterval()).plus(Duration.ofMillis(1)))) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					DurableWorkflowSteps.this.wakeUps.signal();
				}
			});
		}
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void cancel(UUID workflowId, String step) {
		require(workflowId, "workflowId");
		require(step, "step");
		if (this.store.cancel(workflowId, step)) {
			this.store.recordTimeline(workflowId, "step.canceled", "Step " + step + " canceled.");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<StepView> steps(UUID workflowId) {
		return this.store.steps(require(workflowId, "workflowId"));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordTimeline(UUID workflowId, String kind, String detail) {
		this.store.recordTimeline(require(workflowId, "workflowId"), require(kind, "kind"), detail);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordTimeline(UUID workflowId, String kind, String detail, String actor) {
		this.store.recordTimeline(require(workflowId, "workflowId"), require(kind, "kind"), detail, actor);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(UUID workflowId) {
		return this.store.timeline(require(workflowId, "workflowId"));
	}

	private static <T> T require(T value, String name) {
		if (value == null || value instanceof String text && text.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

}
