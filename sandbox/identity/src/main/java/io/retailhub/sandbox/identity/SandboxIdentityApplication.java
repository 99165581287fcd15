package io.retailhub.sandbox.identity;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sandbox's OAuth2 / OpenID Connect authorization server: demo users, the hub's clients and
 * scopes, RS256-signed JWT access tokens. It stands in for the retailer's identity provider (Okta,
 * Entra ID, Keycloak) and knows nothing of the hub.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxIdentityApplication {

	/** Configuration file name (identity.yml): distinct, so it can share a JVM with the services. */
	public static final String CONFIG_NAME = "identity";

	public static void main(String[] args) {
		builder().run(args);
	}

	/** The application as the launcher and tests start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(SandboxIdentityApplication.class)
			.properties(Map.of("spring.config.name", CONFIG_NAME));
	}

}
