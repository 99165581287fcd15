package io.retailhub.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which scope each route needs, declared by the service that owns the routes:
 *
 * <pre>{@code
 * @Bean
 * ScopeRules systemApiScopes() {
 *     return ScopeRules.builder()
 *         .get("/api/system/v1/orders/**", "system.orders.read")
 *         .post("/api/system/v1/refunds", "system.refunds.write")
 *         .open(HttpMethod.POST, "/api/system/v1/webhooks/**")
 *         .build();
 * }
 * }</pre>
 *
 * A scope {@code s} is the authority {@code SCOPE_s}. Rules are matched in declaration order; a
 * path pattern without a method matches every method.
 */
public final class ScopeRules implements ApiAuthorization {

	/** One rule: requests matching method (null = any) and pattern need the scope (null = open). */
	public record Rule(HttpMethod method, String pattern, String scope) {
	}

	private final List<Rule> rules;

	private ScopeRules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static Builder builder() {
		return new Builder();
	}

	public List<Rule> rules() {
		return this.rules;
	}

	@Override
	public void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		for (Rule rule : this.rules) {
			var matched = rule.method() != null ? requests.requestMatchers(rule.method(), rule.pattern())
					: requests.requestMatchers(rule.pattern());
			if (rule.scope() == null) {
				matched.permitAll();
			}
			else {
				matched.hasAuthority("SCOPE_" + rule.scope());
			}
		}
	}

	public static final class Builder {

		private final List<Rule> rules = new ArrayList<>();

		private Builder() {
		}

		public Builder get(String pattern, String scope) {
			return rule(HttpMethod.GET, pattern, scope);
		}

		public Builder post(String pattern, String scope) {
			return rule(HttpMethod.POST, pattern, scope);
		}

		public Builder patch(String pattern, String scope) {
			return rule(HttpMethod.PATCH, pattern, scope);
		}

		public Builder put(String pattern, String scope) {
			return rule(HttpMethod.PUT, pattern, scope);
		}

		public Builder delete(String pattern, String scope) {
			return rule(HttpMethod.DELETE, pattern, scope);
		}

		public Builder rule(HttpMethod method, String pattern, String scope) {
			if (scope == null || scope.isBlank()) {
				throw new IllegalArgumentException("A rule needs a scope; use open(...) for a route without a token");
			}
			this.rules.add(new Rule(method, pattern, scope));
			return this;
		}

		/** A route that needs no token (it must protect itself, e.g. a webhook by its signature). */
		public Builder open(HttpMethod method, String pattern) {
			this.rules.add(new Rule(method, pattern, null));
			return this;
		}

		public ScopeRules build() {
			return new ScopeRules(this.rules);
		}

	}

}
