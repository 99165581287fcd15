package io.retailhub.security;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * Puts the service's own client_credentials token (client registration {@value #REGISTRATION_ID})
 * on every call of the RestClient it is added to, and passes {@link ActingUser#HEADER} along when
 * the request being served carries one from a service token. The token is fetched once and reused
 * until it expires; a 401 or 403 from the called service drops it, so the next call fetches a new
 * one.
 *
 * <pre>{@code
 * RestClient client = builder.baseUrl(url).requestInterceptor(serviceTokenInterceptor).build();
 * }</pre>
 */
public class ServiceTokenInterceptor implements ClientHttpRequestInterceptor {

	/** The client registration under {@code spring.security.oauth2.client.registration.*}. */
	public static final String REGISTRATION_ID = "retailhub";

	/** Tokens are kept for the service, not for whoever the current request is. */
	private static final Authentication SERVICE = UsernamePasswordAuthenticationToken.authenticated(REGISTRATION_ID,
			null, List.of());

	private final OAuth2ClientHttpRequestInterceptor tokens;

	public ServiceTokenInterceptor(OAuth2AuthorizedClientManager clients,
			OAuth2AuthorizedClientService authorizedClients) {
		this.tokens = new OAuth2ClientHttpRequestInterceptor(clients);
		this.tokens.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
		this.tokens.setPrincipalResolver(request -> SERVICE);
		this.tokens.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!request.getHeaders().containsHeader(ActingUser.HEADER)) {
			ActingUser.current().ifPresent(actingUser -> request.getHeaders().set(ActingUser.HEADER, actingUser));
		}
		return this.tokens.intercept(request, body, execution);
	}

}
