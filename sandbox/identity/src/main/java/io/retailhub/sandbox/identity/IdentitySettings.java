package io.retailhub.sandbox.identity;

import java.net.URI;
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
 * @param webRedirectUris where the web pages may be sent back with their code (experience-api's
 * {@code /signed-in}); their origins may also call the token endpoint from the browser (CORS)
 * @param webPostLogoutRedirectUris where the web pages may be sent back after signing out
 * @param clients the confidential clients' secrets
 */
@ConfigurationProperties("retailhub.identity")
public record IdentitySettings(String issuer, @DefaultValue("demo") String demoPassword,
		@DefaultValue("15m") Duration accessTokenTimeToLive, Path keyFile,
		@DefaultValue({ "http://localhost:8080/signed-in",
				"http://127.0.0.1:8080/signed-in" }) List<String> webRedirectUris,
		@DefaultValue({ "http://localhost:8080/signed-out",
				"http://127.0.0.1:8080/signed-out" }) List<String> webPostLogoutRedirectUris,
		@DefaultValue ClientSecrets clients) {

	/** Secrets of the confidential clients; sandbox defaults, overridden by the environment. */
	public record ClientSecrets(@DefaultValue("process-secret") String processSecret,
			@DefaultValue("experience-secret") String experienceSecret,
			@DefaultValue("cli-secret") String cliSecret) {
	}

	/** The origins of the web pages ({@code http://localhost:8080}), from their redirect URIs. */
	public List<String> webOrigins() {
		return this.webRedirectUris.stream().map(uri -> {
			URI parsed = URI.create(uri);
			return parsed.getScheme() + "://" + parsed.getRawAuthority();
		}).distinct().toList();
	}

}
