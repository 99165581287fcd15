package io.retailhub.sandbox.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * A client_credentials request that names no scope gets every scope the client is registered
 * with (as Okta and Keycloak do), so that {@code curl -d grant_type=client_credentials} is enough.
 * Requests that name scopes go on to the standard converter, which checks them.
 */
final class AllScopesByDefault implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| StringUtils.hasText(request.getParameter(OAuth2ParameterNames.SCOPE))) {
			return null;
		}
		Authentication principal = SecurityContextHolder.getContext().getAuthentication();
		if (!(principal instanceof OAuth2ClientAuthenticationToken client) || client.getRegisteredClient() == null) {
			return null;
		}
		return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
				Map.of());
	}

}
