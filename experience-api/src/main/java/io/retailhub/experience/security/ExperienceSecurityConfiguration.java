package io.retailhub.experience.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.retailhub.experience.pages.WebPages;
import io.retailhub.security.HubJwtAuthorities;
import io.retailhub.security.HubSecurityAutoConfiguration;
import io.retailhub.security.ProblemAccessDeniedHandler;
import io.retailhub.security.ProblemAuthenticationEntryPoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. experience-api takes USER tokens of the identity provider (any OIDC issuer,
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) and its own guest tokens
 * ({@link GuestTokens}), told apart by their issuer. Roles come from the {@code roles} claim
 * ({@code ROLE_agent}, ...); a supervisor is an agent. Each channel's API needs its role; the
 * hub's open paths (health, info, Prometheus, the OpenAPI document) stay open; everything else
 * needs a token. 401 and 403 are hub-security's problem+json answers. experience-api declares its
 * own filter chain (instead of hub-security's) for the two issuers and the role rules.
 */
@Configuration(proxyBeanMethods = false)
class ExperienceSecurityConfiguration {

	@Bean
	SecurityFilterChain experienceApiSecurity(HttpSecurity http,
			AuthenticationManagerResolver<HttpServletRequest> tokens, ProblemAuthenticationEntryPoint unauthorized,
			ProblemAccessDeniedHandler forbidden, WebPages pages) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, WebPages.OPEN_PATHS.toArray(String[]::new))
			.permitAll()
			.requestMatchers(HubSecurityAutoConfiguration.OPEN_PATHS.toArray(String[]::new))
			.permitAll()
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/portal/v1/guest-sessions")
			.permitAll()
			.requestMatchers("/api/agent/v1/**")
			.hasRole(ActingUser.AGENT)
			.requestMatchers("/api/portal/v1/**")
			.hasAnyRole(ActingUser.CUSTOMER, ActingUser.GUEST)
			.requestMatchers("/api/store/v1/**")
			.hasRole(ActingUser.STORE)
			.requestMatchers("/api/ops/v1/**")
			.hasRole(ActingUser.OPS)
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(tokens)
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// the pages load only their own scripts and styles, and talk to this API and the identity provider
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(pages))))
			// bearer tokens in a header, never cookies: nothing for a cross-site request to ride on
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	private static String contentSecurityPolicy(WebPages pages) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' "
				+ pages.issuer() + "; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
	}

	/** The identity provider's tokens and experience-api's guest tokens, each checked by its own issuer's keys. */
	@Bean
	AuthenticationManagerResolver<HttpServletRequest> tokenAuthentication(ObjectProvider<JwtDecoder> identityProvider,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String identityIssuer, GuestTokens guests) {
		AuthenticationManager users = authenticationManager(identityProvider.getObject());
		AuthenticationManager guestTokens = authenticationManager(guests.decoder());
		return new JwtIssuerAuthenticationManagerResolver(issuer -> {
			if (guests.issuer().equals(issuer)) {
				return guestTokens;
			}
			return sameIssuer(identityIssuer, issuer) ? users : null;
		});
	}

	private static boolean sameIssuer(String configured, String issuer) {
		return issuer != null && strip(configured).equals(strip(issuer));
	}

	private static String strip(String issuer) {
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	private static AuthenticationManager authenticationManager(JwtDecoder decoder) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
		provider.setJwtAuthenticationConverter(converter);
		return provider::authenticate;
	}

	/** The hub's authorities ({@code ROLE_<role>}, {@code SCOPE_<scope>}); a supervisor is an agent. */
	static final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

		private final HubJwtAuthorities hub = new HubJwtAuthorities();

		@Override
		public Collection<GrantedAuthority> convert(Jwt jwt) {
			List<String> roles = ActingUser.roles(jwt);
			List<GrantedAuthority> authorities = new ArrayList<>(this.hub.convert(jwt));
			if (roles.contains(ActingUser.SUPERVISOR) && !roles.contains(ActingUser.AGENT)) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + ActingUser.AGENT));
			}
			return authorities;
		}
	}
}
