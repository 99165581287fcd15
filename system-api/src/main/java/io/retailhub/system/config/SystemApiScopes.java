package io.retailhub.system.config;

import io.retailhub.security.ScopeRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which scope each route of the system API needs (a service token's {@code scope} claim). Any
 * other {@code /api/**} route is denied; the warehouse webhook needs no token, its HMAC signature
 * authenticates it. The table in docs/security.md lists the same.
 */
@Configuration(proxyBeanMethods = false)
class SystemApiScopes {

	static final String API = "/api/system/v1";

	@Bean
	ScopeRules systemApiScopeRules() {
		return ScopeRules.builder()
			.open(HttpMethod.POST, API + "/webhooks/**")
			.get(API + "/orders/**", "system.orders.read")
			.get(API + "/order-changes/**", "system.orders.read")
			.get(API + "/inventory/**", "system.orders.read")
			.get(API + "/return-receipts/**", "system.orders.read")
			.post(API + "/return-receipts/**", "system.returns.write")
			.get(API + "/locations/**", "system.orders.read")
			.post(API + "/return-policy/evaluations", "system.orders.read")
			.get(API + "/customers/**", "system.customers.read")
			.get(API + "/cases/**", "system.customers.read")
			.post(API + "/cases/**", "system.cases.write")
			.patch(API + "/cases/**", "system.cases.write")
			.get(API + "/return-authorizations/**", "system.returns.read")
			.post(API + "/return-authorizations/**", "system.returns.write")
			.get(API + "/credit-memos/**", "system.credit-memos.read")
			.post(API + "/credit-memos/**", "system.credit-memos.write")
			.get(API + "/refunds/**", "system.refunds.read")
			.post(API + "/refunds/**", "system.refunds.write")
			.get(API + "/backends/**", "system.backends.read")
			.build();
	}

}
