package io.retailhub.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Service-to-service calls: with a client registration
 * ({@code spring.security.oauth2.client.registration.retailhub.*}, grant client_credentials), a
 * {@link ServiceTokenInterceptor} that puts the service's own token on a RestClient's calls. The
 * token is fetched outside any user's request, so it works from schedulers and listeners too.
 */
@AutoConfiguration(afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnClass(OAuth2AuthorizedClientManager.class)
@ConditionalOnBean(ClientRegistrationRepository.class)
public class ServiceTokenAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizedClientManager serviceAuthorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorizedClients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return manager;
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceTokenInterceptor serviceTokenInterceptor(OAuth2AuthorizedClientManager clients,
			OAuth2AuthorizedClientService authorizedClients) {
		return new ServiceTokenInterceptor(clients, authorizedClients);
	}

}
