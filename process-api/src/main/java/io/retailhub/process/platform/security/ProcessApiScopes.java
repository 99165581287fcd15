package io.retailhub.process.platform.security;

import io.retailhub.security.ScopeRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which scope each route of the process API needs (a service token's {@code scope} claim). Every
 * change to a return (create, cancel, resume and whatever comes) needs
 * {@code process.returns.write}; replaying a dead letter has a scope of its own. Any other
 * {@code /api/**} route is denied. The table in docs/security.md lists the same.
 */
@Configuration(proxyBeanMethods = false)
class ProcessApiScopes {

	static final String API = "/api/process/v1";

	@Bean
	ScopeRules processApiScopeRules() {
		return ScopeRules.builder()
			.get(API + "/returns/**", "process.returns.read")
			.post(API + "/returns/**", "process.returns.write")
			.put(API + "/returns/**", "process.returns.write")
			.patch(API + "/returns/**", "process.returns.write")
			.delete(API + "/returns/**", "process.returns.write")
			.post(API + "/store-returns/**", "process.returns.write")
			.get(API + "/refunds/**", "process.refunds.read")
			.get(API + "/workflows/**", "process.workflows.read")
			.post(API + "/workflows/*/steps/*/retry", "process.workflows.retry")
			.get(API + "/reconciliation/**", "process.reconciliation.read")
			.post(API + "/reconciliation/runs", "process.reconciliation.run")
			.get(API + "/dead-letters/**", "process.deadletters.read")
			.post(API + "/dead-letters/*/replay", "process.deadletters.replay")
			.build();
	}

}
