package io.retailhub.sandbox.identity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * The resource-owner password grant ({@code grant_type=password}), for the sandbox only: one curl
 * line gets a demo user's access token, with the same claims as after a browser login. OAuth 2.1
 * drops this grant; a real identity provider signs users in through the authorization code flow.
 * Only clients registered with this grant may use it, and the token carries the user scopes
 * ({@code openid profile}) and nothing more.
 */
final class DemoPasswordGrant {

	static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

	private DemoPasswordGrant() {
	}

	/** The token request, after client authentication. */
	static final class Request extends OAuth2AuthorizationGrantAuthenticationToken {

		private final String username;

		private final String password;

		private final Set<String> scopes;

		Request(Authentication client, String username, String password, Set<String> scopes,
				Map<String, Object> additionalParameters) {
			super(PASSWORD, client, additionalParameters);
			this.username = username;
			this.password = password;
			this.scopes = scopes;
		}

	}

	/** Reads {@code grant_type=password&username=..&password=..[&scope=..]}. */
	static final class Converter implements AuthenticationConverter {

		@Override
		public Authentication convert(HttpServletRequest request) {
			if (!PASSWORD.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
				return null;
			}
			String username = request.getParameter("username");
			String password = request.getParameter("password");
			if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
						"username and password are required", null));
			}
			String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
			Set<String> scopes = StringUtils.hasText(scope)
					? new LinkedHashSet<>(Arrays.asList(StringUtils.delimitedListToStringArray(scope.trim(), " ")))
					: new LinkedHashSet<>(HubClients.USER_SCOPES);
			Authentication client = SecurityContextHolder.getContext().getAuthentication();
			return new Request(client, username, password, scopes, Map.of());
		}

	}

	/** Authenticates the user and issues their access token. */
	static final class Provider implements AuthenticationProvider {

		private final UserDetailsService users;

		private final PasswordEncoder passwordEncoder;

		private final OAuth2AuthorizationService authorizations;

		private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;

		Provider(UserDetailsService users, PasswordEncoder passwordEncoder, OAuth2AuthorizationService authorizations,
				OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
			this.users = users;
			this.passwordEncoder = passwordEncoder;
			this.authorizations = authorizations;
			this.tokenGenerator = tokenGenerator;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			Request request = (Request) authentication;
			OAuth2ClientAuthenticationToken client = authenticatedClient(request);
			RegisteredClient registeredClient = client.getRegisteredClient();
			if (registeredClient == null || !registeredClient.getAuthorizationGrantTypes().contains(PASSWORD)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
			}
			if (!HubClients.USER_SCOPES.containsAll(request.scopes)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
			}
			Authentication user = authenticateUser(request);

			DefaultOAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
				.registeredClient(registeredClient)
				.principal(user)
				.authorizationServerContext(AuthorizationServerContextHolder.getContext())
				.authorizedScopes(request.scopes)
				.tokenType(OAuth2TokenType.ACCESS_TOKEN)
				.authorizationGrantType(PASSWORD)
				.authorizationGrant(request)
				.build();
			OAuth2Token generated = this.tokenGenerator.generate(context);
			if (generated == null) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
						"The token generator failed to generate the access token.", null));
			}
			OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
					generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), request.scopes);
			OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(registeredClient)
				.principalName(user.getName())
				.authorizationGrantType(PASSWORD)
				.authorizedScopes(request.scopes)
				.attribute(java.security.Principal.class.getName(), user);
			if (generated instanceof ClaimAccessor claims) {
				authorization.token(accessToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
						claims.getClaims()));
			}
			else {
				authorization.accessToken(accessToken);
			}
			this.authorizations.save(authorization.build());
			return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken);
		}

		private Authentication authenticateUser(Request request) {
			UserDetails user;
			try {
				user = this.users.loadUserByUsername(request.username);
			}
			catch (UsernameNotFoundException ex) {
				throw invalidGrant();
			}
			if (!this.passwordEncoder.matches(request.password, user.getPassword()) || !user.isEnabled()) {
				throw invalidGrant();
			}
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		}

		private static OAuth2AuthenticationException invalidGrant() {
			return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"Bad username or password", null));
		}

		private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication request) {
			if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
				return client;
			}
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return Request.class.isAssignableFrom(authentication);
		}

	}

}
