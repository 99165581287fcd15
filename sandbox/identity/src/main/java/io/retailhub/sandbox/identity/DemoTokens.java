package io.retailhub.sandbox.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Access tokens from a running sandbox authorization server, for tests, drills, the benchmark and
 * the launcher's examples. Tokens are cached per issuer, client and user until shortly before they
 * expire. All demo clients and users use their sandbox defaults.
 *
 * <pre>{@code
 * DemoTokens tokens = DemoTokens.of("http://localhost:9000");
 * String service = tokens.serviceToken();                     // retailhub-cli, every process.* and system.* scope
 * String narrow = tokens.clientToken("retailhub-experience", "experience-secret");
 * String agent = tokens.userToken("agent.ava");               // demo password grant
 * }</pre>
 */
public final class DemoTokens {

	/** The default secrets of the sandbox clients. */
	public static final Map<String, String> DEFAULT_SECRETS = Map.of(HubClients.PROCESS, "process-secret",
			HubClients.EXPERIENCE, "experience-secret", HubClients.CLI, "cli-secret");

	/** Every demo user's default password. */
	public static final String DEFAULT_PASSWORD = "demo";

	private static final Map<String, DemoTokens> BY_ISSUER = new ConcurrentHashMap<>();

	private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String issuer;

	private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

	private DemoTokens(String issuer) {
		this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	/** Tokens from the authorization server at {@code issuer} (e.g. {@code http://localhost:9000}). */
	public static DemoTokens of(String issuer) {
		return BY_ISSUER.computeIfAbsent(issuer, DemoTokens::new);
	}

	public String issuer() {
		return this.issuer;
	}

	/** A client_credentials token of {@code retailhub-cli} with every process.* and system.* scope. */
	public String serviceToken() {
		return clientToken(HubClients.CLI, DEFAULT_SECRETS.get(HubClients.CLI));
	}

	/** A client_credentials token of the client with all the scopes it is allowed. */
	public String clientToken(String clientId, String secret) {
		return clientToken(clientId, secret, "");
	}

	/** A client_credentials token of {@code retailhub-cli} with only these scopes (space-separated). */
	public String serviceToken(String scopes) {
		return clientToken(HubClients.CLI, DEFAULT_SECRETS.get(HubClients.CLI), scopes);
	}

	/** A client_credentials token of the client with these scopes (space-separated; empty = all it may have). */
	public String clientToken(String clientId, String secret, String scopes) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (!scopes.isBlank()) {
			form.put("scope", scopes);
		}
		return cached("client:" + clientId + ":" + scopes, clientId, secret, form);
	}

	/** A demo user's token (sandbox-only password grant of {@code retailhub-cli}, password {@code demo}). */
	public String userToken(String username) {
		return userToken(username, DEFAULT_PASSWORD);
	}

	public String userToken(String username, String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "password");
		form.put("username", username);
		form.put("password", password);
		return cached("user:" + username, HubClients.CLI, DEFAULT_SECRETS.get(HubClients.CLI), form);
	}

	/** {@code Bearer <service token>}, for an Authorization header. */
	public String serviceAuthorization() {
		return "Bearer " + serviceToken();
	}

	/**
	 * For a test's RestClient: puts the service token ({@link #serviceToken()}) on every request
	 * that carries no Authorization header of its own.
	 */
	public ClientHttpRequestInterceptor serviceTokenInterceptor() {
		return (request, body, execution) -> {
			if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
				request.getHeaders().setBearerAuth(serviceToken());
			}
			return execution.execute(request, body);
		};
	}

	private String cached(String key, String clientId, String secret, Map<String, String> form) {
		CachedToken token = this.cache.get(key);
		if (token == null || token.expiresAt().minus(REFRESH_BEFORE_EXPIRY).isBefore(Instant.now())) {
			token = request(clientId, secret, form);
			this.cache.put(key, token);
		}
		return token.value();
	}

	private CachedToken request(String clientId, String secret, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("No token from " + this.issuer + " for " + clientId + ": "
						+ response.statusCode() + " " + response.body());
			}
			JsonNode json = JSON.readTree(response.body());
			return new CachedToken(json.get("access_token").asString(),
					Instant.now().plusSeconds(json.get("expires_in").asLong()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No token from " + this.issuer, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while fetching a token", ex);
		}
	}

	private record CachedToken(String value, Instant expiresAt) {
	}

}
