package io.retailhub.process.platform.steps;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retailhub.process.platform.internal.CachedSnapshot;

import org.springframework.stereotype.Component;

/**
 * The step engine as Prometheus sees it: {@code retailhub_workflow_steps{status=pending|parked|failed}}
 * and {@code retailhub_workflow_steps_parked_oldest_age_seconds} (from the database, so every
 * instance reports the same totals), the attempts each instance made
 * by step and outcome ({@code retailhub_workflow_step_attempts_total}), and how long handlers took
 * ({@code retailhub_workflow_step_execution_seconds}). Alert on parked and failed above zero.
 */
@Component
class StepMetrics {

	private final MeterRegistry registry;

	StepMetrics(StepStore store, MeterRegistry registry) {
		this.registry = registry;
		CachedSnapshot<StepStore.StepCounts> counts = new CachedSnapshot<>(store::counts);
		gauge(registry, counts, "pending", c -> c.pending());
		gauge(registry, counts, "parked", c -> c.parked());
		gauge(registry, counts, "failed", c -> c.failed());
		Gauge.builder("retailhub.workflow.steps.parked.oldest.age", counts,
				snapshot -> snapshot.read(StepStore.StepCounts::oldestParkedSeconds))
			.description("How long the oldest parked step has waited since it was scheduled (0 when none is parked)")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
	}

	private static void gauge(MeterRegistry registry, CachedSnapshot<StepStore.StepCounts> counts, String status,
			java.util.function.ToDoubleFunction<StepStore.StepCounts> value) {
		Gauge.builder("retailhub.workflow.steps", counts, snapshot -> snapshot.read(value))
			.tag("status", status)
			.description("Workflow steps by status (all instances)")
			.strongReference(true)
			.register(registry);
	}

	void attempt(String step, StepOutcome outcome) {
		Counter.builder("retailhub.workflow.step.attempts")
			.tag("step", step)
			.tag("outcome", outcome.tag())
			.description("Step attempts completed by this instance")
			.register(this.registry)
			.increment();
	}

	void executed(String step, Duration duration) {
		Timer.builder("retailhub.workflow.step.execution")
			.tag("step", step)
			.description("Time a step handler spent on its outside work")
			.register(this.registry)
			.record(duration);
	}

}
