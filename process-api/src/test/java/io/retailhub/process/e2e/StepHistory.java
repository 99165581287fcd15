package io.retailhub.process.e2e;

import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attempts of one step as {@code GET /workflows/{id}} shows them ({@code steps[].history}):
 * every attempt from the moment it started, with its worker, times, lease and outcome.
 */
public final class StepHistory {

	private StepHistory() {
	}

	/** The step's attempts, oldest first; fails when the workflow has no such step. */
	public static List<JsonNode> of(JsonNode workflow, String step) {
		JsonNode found = workflow.path("steps")
			.valueStream()
			.filter(s -> s.path("step").asString().equals(step))
			.findFirst()
			.orElse(null);
		assertThat(found).as("step %s of %s", step, workflow).isNotNull();
		return found.path("history").valueStream().toList();
	}

	/** The latest attempt {@code worker} made; fails when it made none. */
	public static JsonNode lastBy(List<JsonNode> history, String worker) {
		List<JsonNode> by = history.stream().filter(a -> a.path("worker").asString().equals(worker)).toList();
		assertThat(by).as("attempts by %s in %s", worker, history).isNotEmpty();
		return by.get(by.size() - 1);
	}

	/** The latest attempt. */
	public static JsonNode last(List<JsonNode> history) {
		assertThat(history).isNotEmpty();
		return history.get(history.size() - 1);
	}
}
