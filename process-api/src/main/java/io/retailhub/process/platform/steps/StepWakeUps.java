package io.retailhub.process.platform.steps;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.stereotype.Component;

/**
 * Tells this instance's step workers that a step became due, so they claim it now instead of at
 * their next poll. A separate bean, because handlers (which the worker needs) schedule steps.
 */
@Component
class StepWakeUps {

	private final Set<Runnable> workers = new CopyOnWriteArraySet<>();

	void subscribe(Runnable worker) {
		this.workers.add(worker);
	}

	void unsubscribe(Runnable worker) {
		this.workers.remove(worker);
	}

	void signal() {
		this.workers.forEach(Runnable::run);
	}

}
