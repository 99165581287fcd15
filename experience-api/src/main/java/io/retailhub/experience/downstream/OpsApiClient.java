package io.retailhub.experience.downstream;

import java.util.UUID;

import io.retailhub.experience.security.ActingUser;
import io.retailhub.security.ServiceTokenInterceptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * What the ops API reads and does below it: workflows by state and parked steps retried now,
 * reconciliation runs and reports (process-api), each backend's circuit breaker (system-api).
 * Answers are passed on as the layer below wrote them; refusals keep its problem.
 */
@Component
public class OpsApiClient {

	private final Downstream process;

	private final Downstream system;

	OpsApiClient(DownstreamSettings settings, RestClient.Builder builder, JsonMapper json,
			ServiceTokenInterceptor tokens) {
		this.process = new Downstream(ProcessApiClient.SERVICE, "/api/process/v1", settings.processApi(), builder, json,
				tokens);
		this.system = new Downstream(SystemApiClient.SERVICE, "/api/system/v1", settings.systemApi(), builder, json,
				tokens);
	}

	/** A page of workflows in a state; {@code olderThan} null for process-api's default. */
	public JsonNode workflows(String state, String olderThan, int page, int size) {
		String what = "GET workflows " + state;
		return this.process.call(what, () -> this.process.http()
			.get()
			.uri(uri -> {
				uri.path("/workflows").queryParam("state", state).queryParam("page", page).queryParam("size", size);
				if (olderThan != null) {
					uri.queryParam("olderThan", olderThan);
				}
				return uri.build();
			})
			.exchange((request, response) -> this.process.read(what, response, JsonNode.class)));
	}

	/** Makes the parked step due now; the step as it is then. */
	public JsonNode retryStep(UUID workflowId, String step, ActingUser actingUser) {
		String what = "POST retry of step " + step + " of workflow " + workflowId;
		return this.process.call(what, () -> this.process.http()
			.post()
			.uri("/workflows/{id}/steps/{step}/retry", workflowId, step)
			.header(ActingUser.HEADER, actingUser.header())
			.exchange((request, response) -> this.process.read(what, response, JsonNode.class)));
	}

	/** Runs the reconciliation now; the finished report. */
	public JsonNode runReconciliation(ActingUser actingUser) {
		String what = "POST reconciliation run";
		return this.process.call(what, () -> this.process.http()
			.post()
			.uri("/reconciliation/runs")
			.header(ActingUser.HEADER, actingUser.header())
			.exchange((request, response) -> this.process.read(what, response, JsonNode.class)));
	}

	/** {@code latest}, or a UTC day ({@code 2026-12-07}): the latest finished report of it. */
	public JsonNode reconciliationReport(String day) {
		String what = "GET reconciliation report " + day;
		return this.process.call(what, () -> this.process.http()
			.get()
			.uri("/reconciliation/reports/{day}", day)
			.exchange((request, response) -> this.process.read(what, response, JsonNode.class)));
	}

	public JsonNode reconciliationRun(UUID id) {
		String what = "GET reconciliation run " + id;
		return this.process.call(what, () -> this.process.http()
			.get()
			.uri("/reconciliation/runs/{id}", id)
			.exchange((request, response) -> this.process.read(what, response, JsonNode.class)));
	}

	/** Each backend's circuit breaker, as system-api holds it. */
	public JsonNode backends() {
		String what = "GET backends";
		return this.system.call(what, () -> this.system.http()
			.get()
			.uri("/backends")
			.exchange((request, response) -> this.system.read(what, response, JsonNode.class)));
	}

}
