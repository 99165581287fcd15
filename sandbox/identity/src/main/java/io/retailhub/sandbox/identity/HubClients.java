package io.retailhub.sandbox.identity;

import java.util.List;

/** The hub's OAuth2 clients and the scopes they may ask for. */
public final class HubClients {

	/** The web pages: public client, authorization code + PKCE. */
	public static final String WEB = "retailhub-web";

	/** process-api calling system-api. */
	public static final String PROCESS = "retailhub-process";

	/** experience-api calling process-api and system-api. */
	public static final String EXPERIENCE = "retailhub-experience";

	/** curl, tests and the benchmark: every scope, plus the sandbox-only password grant. */
	public static final String CLI = "retailhub-cli";

	/** The scopes of user tokens. */
	public static final List<String> USER_SCOPES = List.of("openid", "profile");

	/** system-api's scopes. */
	public static final List<String> SYSTEM_SCOPES = List.of("system.orders.read", "system.customers.read",
			"system.cases.write", "system.returns.read", "system.returns.write", "system.credit-memos.read",
			"system.credit-memos.write", "system.refunds.read", "system.refunds.write");

	/** system-api's scopes only the ops side needs (process-api never asks for them). */
	public static final List<String> OPS_SYSTEM_SCOPES = List.of("system.backends.read");

	/** process-api's scopes. */
	public static final List<String> PROCESS_SCOPES = List.of("process.returns.read", "process.returns.write",
			"process.refunds.read", "process.workflows.read", "process.workflows.retry", "process.deadletters.read",
			"process.deadletters.replay", "process.reconciliation.read", "process.reconciliation.run");

	/** What experience-api may read and write below it. */
	public static final List<String> EXPERIENCE_SYSTEM_SCOPES = List.of("system.orders.read", "system.customers.read",
			"system.returns.read", "system.refunds.read", "system.credit-memos.read", "system.cases.write",
			"system.backends.read");

	private HubClients() {
	}

}
