package io.retailhub.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's access rules for its {@code /api/**} routes, applied in bean order before the rule
 * that denies every other {@code /api/**} request. {@link ScopeRules} covers the usual case
 * (method + path pattern -> scope); a service with user-facing rules (roles, claims) implements
 * this directly.
 */
@FunctionalInterface
public interface ApiAuthorization {

	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
