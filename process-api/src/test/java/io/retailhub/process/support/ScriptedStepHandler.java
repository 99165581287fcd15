package io.retailhub.process.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.retailhub.process.platform.steps.StepExecution;
import io.retailhub.process.platform.steps.StepHandler;
import io.retailhub.process.platform.steps.StepResult;

/**
 * A step handler whose answers a test scripts per workflow: a queue of outcomes, one per attempt,
 * the last one repeating. It records every execution and every {@link #exhausted} call, so tests
 * can count what ran. Unscripted workflows are done at once.
 */
public class ScriptedStepHandler implements StepHandler {

	private final String step;

	private final String worker;

	private final Map<UUID, ConcurrentLinkedQueue<Function<StepExecution, StepResult>>> scripts;

	private final Map<UUID, List<Execution>> executions;

	private final Map<UUID, String> exhausted;

	public ScriptedStepHandler(String step) {
		this(step, "context", new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
	}

	/** A handler for another worker that follows this one's scripts and shares its record of executions. */
	public ScriptedStepHandler sharingExecutionsAs(String worker) {
		return new ScriptedStepHandler(this.step, worker, this.scripts, this.executions, this.exhausted);
	}

	private ScriptedStepHandler(String step, String worker,
			Map<UUID, ConcurrentLinkedQueue<Function<StepExecution, StepResult>>> scripts,
			Map<UUID, List<Execution>> executions, Map<UUID, String> exhausted) {
		this.step = step;
		this.worker = worker;
		this.scripts = scripts;
		this.executions = executions;
		this.exhausted = exhausted;
	}

	/** The outcomes of the workflow's next attempts, in order; the last one answers every later attempt too. */
	@SafeVarargs
	public final void script(UUID workflowId, Function<StepExecution, StepResult>... outcomes) {
		this.scripts.put(workflowId, new ConcurrentLinkedQueue<>(List.of(outcomes)));
	}

	@Override
	public String step() {
		return this.step;
	}

	@Override
	public StepResult execute(StepExecution execution) {
		this.executions.computeIfAbsent(execution.workflowId(), id -> new CopyOnWriteArrayList<>())
			.add(new Execution(execution, this.worker));
		ConcurrentLinkedQueue<Function<StepExecution, StepResult>> script = this.scripts.get(execution.workflowId());
		if (script == null) {
			return StepResult.done();
		}
		Function<StepExecution, StepResult> next = script.size() > 1 ? script.poll() : script.peek();
		return next.apply(execution);
	}

	@Override
	public StepResult exhausted(StepExecution execution, String lastError) {
		this.exhausted.put(execution.workflowId(), lastError);
		return StepHandler.super.exhausted(execution, lastError);
	}

	/** Every execution of the workflow's step, in order. */
	public List<Execution> executions(UUID workflowId) {
		return List.copyOf(this.executions.getOrDefault(workflowId, List.of()));
	}

	/** The last error {@link #exhausted} was called with, null if it was not called. */
	public String exhaustedWith(UUID workflowId) {
		return this.exhausted.get(workflowId);
	}

	/** One run of the handler: what it was given and which worker ran it. */
	public record Execution(StepExecution step, String worker) {
	}

}
