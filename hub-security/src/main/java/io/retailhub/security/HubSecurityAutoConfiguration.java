package io.retailhub.security;

import java.util.List;

import io.retailhub.web.HubWebAutoConfiguration;
import io.retailhub.web.ProblemResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The hub's security, for every servlet service that has this module on its classpath:
 * <ul>
 * <li>an OAuth2 resource server (only where the issuer is set): JWTs from the issuer in
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (any OIDC provider), stateless, no
 * CSRF (no cookies, no sessions);</li>
 * <li>actuator health, info and prometheus, and the OpenAPI document, open;</li>
 * <li>the service's {@link ApiAuthorization} beans (usually {@link ScopeRules}), then every other
 * {@code /api/**} request denied, and everything else only with a valid token;</li>
 * <li>401 and 403 as problem+json with {@code WWW-Authenticate: Bearer};</li>
 * </ul>
 * A service that needs another arrangement declares its own {@link SecurityFilterChain}.
 */
@AutoConfiguration(after = HubWebAutoConfiguration.class,
		beforeName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnProperty(HubSecurityAutoConfiguration.ISSUER_URI_PROPERTY)
public class HubSecurityAutoConfiguration {

	/**
	 * The issuer a hub service trusts; without it this configuration stays away (an application that
	 * only shares the classpath, like the sandbox's, is no hub service).
	 */
	public static final String ISSUER_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	/** Open to anyone: probes, scraping and the API contract. */
	public static final List<String> OPEN_PATHS = List.of("/actuator/health", "/actuator/health/**",
			"/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**", "/error");

	@Bean
	@ConditionalOnMissingBean
	ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemResponses problems) {
		return new ProblemAuthenticationEntryPoint(problems);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemResponses problems) {
		return new ProblemAccessDeniedHandler(problems);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new HubJwtAuthorities());
		return converter;
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain hubApiSecurityFilterChain(HttpSecurity http, ObjectProvider<ApiAuthorization> rules,
			ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied,
			JwtAuthenticationConverter jwtAuthentication) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(OPEN_PATHS.toArray(String[]::new)).permitAll();
				rules.orderedStream().forEach(rule -> rule.authorize(requests));
				requests.requestMatchers("/api/**").denyAll();
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied));
		return http.build();
	}

}
