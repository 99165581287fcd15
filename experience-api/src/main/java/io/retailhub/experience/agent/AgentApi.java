package io.retailhub.experience.agent;

/** The agent desktop's API. */
final class AgentApi {

	static final String PATH = "/api/agent/v1";

	private AgentApi() {
	}
}
