package io.retailhub.sandbox.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The authorization server: its endpoints (token, authorize, JWKS, discovery), the sign-in form,
 * the demo users, the hub's clients and the claims of user access tokens.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/** The protocol endpoints; browsers without a session are sent to the sign-in form. */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, UserDetailsService users,
			PasswordEncoder passwordEncoder, OAuth2AuthorizationService authorizations,
			OAuth2TokenGenerator<OAuth2Token> tokenGenerator, IdentitySettings settings) throws Exception {
		// not a bean: an AuthenticationProvider bean would replace the sign-in form's user lookup
		DemoPasswordGrant.Provider passwordGrant = new DemoPasswordGrant.Provider(users, passwordEncoder,
				authorizations, tokenGenerator);
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults())
				.tokenEndpoint(token -> token
					.accessTokenRequestConverters(converters -> converters.add(0, new AllScopesByDefault()))
					.accessTokenRequestConverter(new DemoPasswordGrant.Converter())
					.authenticationProvider(passwordGrant));
		})
			// the web pages exchange their code (and read discovery and keys) from the browser
			.cors(cors -> cors.configurationSource(webPages(settings)))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	/** Cross-origin calls from the web pages' origins: the token endpoint, discovery, keys. */
	private static CorsConfigurationSource webPages(IdentitySettings settings) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(settings.webOrigins());
		cors.setAllowedMethods(List.of("GET", "POST"));
		cors.setAllowedHeaders(List.of("Content-Type", "Authorization"));
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	/** The sign-in form and the open probes. */
	@Bean
	@Order(2)
	SecurityFilterChain signInFilterChain(HttpSecurity http, IdentitySettings settings) throws Exception {
		// a browser's CORS preflight (OPTIONS) of the token endpoint lands here: answered for the pages' origins only
		http.cors(cors -> cors.configurationSource(webPages(settings)));
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/info")
			.permitAll()
			.anyRequest()
			.authenticated()).formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings,
			@Value("${server.port:8080}") int port) {
		AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
		if (StringUtils.hasText(settings.issuer())) {
			builder.issuer(settings.issuer());
		}
		else if (port > 0) {
			builder.issuer("http://localhost:" + port);
		}
		// on a random port, the issuer is the URL the request came to
		return builder.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService demoUsers(IdentitySettings settings, PasswordEncoder passwordEncoder) {
		String password = passwordEncoder.encode(settings.demoPassword());
		return new InMemoryUserDetailsManager(DemoUser.ALL.stream()
			.map(user -> User.withUsername(user.username())
				.password(password)
				.roles(user.roles().stream().map(String::toUpperCase).toArray(String[]::new))
				.build())
			.toList());
	}

	@Bean
	RegisteredClientRepository registeredClients(IdentitySettings settings, PasswordEncoder passwordEncoder) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTimeToLive()).build();
		RegisteredClient web = RegisteredClient.withId(HubClients.WEB)
			.clientId(HubClients.WEB)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> uris.addAll(settings.webRedirectUris()))
			.postLogoutRedirectUris(uris -> uris.addAll(settings.webPostLogoutRedirectUris()))
			.scopes(scopes -> scopes.addAll(HubClients.USER_SCOPES))
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens)
			.build();
		RegisteredClient process = serviceClient(HubClients.PROCESS, settings.clients().processSecret(),
				passwordEncoder, tokens, HubClients.SYSTEM_SCOPES)
			.build();
		List<String> experienceScopes = new ArrayList<>(HubClients.PROCESS_SCOPES);
		experienceScopes.addAll(HubClients.EXPERIENCE_SYSTEM_SCOPES);
		RegisteredClient experience = serviceClient(HubClients.EXPERIENCE, settings.clients().experienceSecret(),
				passwordEncoder, tokens, experienceScopes)
			.build();
		List<String> cliScopes = new ArrayList<>(HubClients.PROCESS_SCOPES);
		cliScopes.addAll(HubClients.SYSTEM_SCOPES);
		cliScopes.addAll(HubClients.OPS_SYSTEM_SCOPES);
		cliScopes.addAll(HubClients.USER_SCOPES);
		RegisteredClient cli = serviceClient(HubClients.CLI, settings.clients().cliSecret(), passwordEncoder, tokens,
				cliScopes)
			.authorizationGrantType(DemoPasswordGrant.PASSWORD)
			.build();
		return new InMemoryRegisteredClientRepository(web, process, experience, cli);
	}

	private static RegisteredClient.Builder serviceClient(String clientId, String secret,
			PasswordEncoder passwordEncoder, TokenSettings tokens, List<String> scopes) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret(passwordEncoder.encode(secret))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(granted -> granted.addAll(scopes))
			.tokenSettings(tokens);
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new InMemoryOAuth2AuthorizationService();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentitySettings settings) {
		return new ImmutableJWKSet<>(new JWKSet(SigningKeys.load(settings.keyFile())));
	}

	/** Access tokens are RS256-signed JWTs; the claims of {@link UserClaims} are added to user tokens. */
	@Bean
	OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JWKSource<SecurityContext> jwkSource) {
		JwtGenerator jwtGenerator = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
		jwtGenerator.setJwtCustomizer(new UserClaims());
		return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OAuth2RefreshTokenGenerator());
	}

	/**
	 * The claims of a person's tokens: {@code roles}, {@code name}, {@code email} and
	 * {@code customer_id} or {@code store_id}. Client tokens (client_credentials) get none.
	 */
	static final class UserClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

		@Override
		public void customize(JwtEncodingContext context) {
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				return;
			}
			boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
			boolean idToken = "id_token".equals(context.getTokenType().getValue());
			if (!accessToken && !idToken) {
				return;
			}
			DemoUser.find(context.getPrincipal().getName()).ifPresent(user -> context.getClaims().claims(claims -> {
				claims.put("roles", user.roles());
				claims.put("name", user.name());
				claims.put("email", user.email());
				if (user.customerId() != null) {
					claims.put("customer_id", user.customerId());
				}
				if (user.storeId() != null) {
					claims.put("store_id", user.storeId());
				}
			}));
		}

	}

}
