package io.retailhub.sandbox.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The authorization server's settings ({@code retailhub.identity.*}).
 *
 * @param issuer the issuer URL put in tokens and discovery; empty = {@code http://localhost:<port>}
 * (or, on a random port, the URL the request came to)
 * @param demoPassword every demo user's password
 * @param accessTokenTimeToLive how long an access token is valid
 * @param keyFile where the signing key is kept across restarts; empty = a new key every start
 * @param webRedirectUris where the web client may be sent back with its code
 * @param clients the confidential clients' secrets
 */
@ConfigurationProperties("retailhub.identity")
public record IdentitySettings(String issuer, @DefaultValue("demo") String demoPassword,
		@DefaultValue("15m") Duration accessTokenTimeToLive, Path keyFile,
		@DefaultValue({ "http://localhost:8080/login/oauth2/code/retailhub",
				"http://127.0.0.1:8080/login/oauth2/code/retailhub" }) List<String> webRedirectUris,
		@DefaultValue ClientSecrets clients) {

	/** Secrets of the confidential clients; sandbox defaults, overridden by the environment. */
	public record ClientSecrets(@DefaultValue("process-secret") String processSecret,
			@DefaultValue("experience-secret") String experienceSecret,
			@DefaultValue("cli-secret") String cliSecret) {
	}

}
