package io.retailhub.experience.downstream;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * experience-api's own client-credentials access token (client registration
 * {@value #REGISTRATION}, {@code spring.security.oauth2.client.*}) on every call to the layers
 * below, whichever thread makes it: panels are fetched on a pool, outside the request's security
 * context. The token is cached until shortly before it expires; a 401 from below drops it, so the
 * next call fetches a fresh one.
 */
@Component
class ServiceTokens implements ClientHttpRequestInterceptor {

	static final String REGISTRATION = "retailhub";

	/** The principal the cached token is kept under: experience-api itself, not the user. */
	private static final String PRINCIPAL = "experience-api";

	private final OAuth2AuthorizedClientService clients;

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	ServiceTokens(ClientRegistrationRepository registrations) {
		this.clients = new InMemoryOAuth2AuthorizedClientService(registrations);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, this.clients);
		this.manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		OAuth2AuthorizedClient client = this.manager
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build());
		if (client == null) {
			throw new IllegalStateException("No access token for client registration " + REGISTRATION);
		}
		request.getHeaders().setBearerAuth(client.getAccessToken().getTokenValue());
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().value() == 401) {
			this.clients.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
		}
		return response;
	}
}
