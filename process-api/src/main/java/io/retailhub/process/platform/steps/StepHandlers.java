package io.retailhub.process.platform.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handler of each step name; two handlers for one name are a configuration error. */
final class StepHandlers {

	private final Map<String, StepHandler> byStep = new HashMap<>();

	StepHandlers(List<StepHandler> handlers) {
		for (StepHandler handler : handlers) {
			String step = handler.step();
			if (step == null || step.isBlank()) {
				throw new IllegalStateException(handler.getClass().getName() + " names no step");
			}
			StepHandler other = this.byStep.putIfAbsent(step, handler);
			if (other != null) {
				throw new IllegalStateException("Step '" + step + "' has two handlers: " + other.getClass().getName()
						+ " and " + handler.getClass().getName());
			}
		}
	}

	Optional<StepHandler> forStep(String step) {
		return Optional.ofNullable(this.byStep.get(step));
	}

}
