package io.retailhub.system.support;

import io.retailhub.sandbox.identity.SharedIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * HTTP as the tests' callers speak it: every status, error or not, is an answer to assert on and
 * never an exception; bodies are read as text and parsed as JSON where a test looks inside.
 */
public final class SystemApiHttp {

	private SystemApiHttp() {
	}

	/**
	 * A client for {@code baseUrl} that never throws on a status; every request carries a service
	 * token with every scope unless it sets its own Authorization header.
	 */
	public static RestClient client(String baseUrl) {
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestInterceptor(SharedIdentity.tokens().serviceTokenInterceptor())
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	/** A client for {@code baseUrl} that never throws on a status and sends no token (a webhook sender, a stranger). */
	public static RestClient anonymous(String baseUrl) {
		return RestClient.builder().baseUrl(baseUrl).defaultStatusHandler(status -> true, (request, response) -> {
		}).build();
	}

	/** Like {@code RestClient.create(baseUrl)}, with a service token with every scope on each request. */
	public static RestClient withServiceToken(String baseUrl) {
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestInterceptor(SharedIdentity.tokens().serviceTokenInterceptor())
			.build();
	}

	/** The Authorization header line of a service token with every scope, for raw HTTP requests. */
	public static String serviceAuthorizationHeader() {
		return "Authorization: " + SharedIdentity.tokens().serviceAuthorization();
	}

	/** A client for {@code http://localhost:<port><path>} that never throws on a status. */
	public static RestClient client(int port, String path) {
		return client("http://localhost:" + port + path);
	}

	/** GET {@code uri} (relative to the client's base URL, with its variables); the answer as text. */
	public static ResponseEntity<String> get(RestClient client, String uri, Object... variables) {
		return client.get().uri(uri, variables).retrieve().toEntity(String.class);
	}

	/** POST the JSON {@code body} to the client's base URL; the answer as text. */
	public static ResponseEntity<String> postJson(RestClient client, String body) {
		return client.post().contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
	}

	/** The answer's body as JSON. */
	public static JsonNode jsonOf(ResponseEntity<String> response) {
		return JsonMapper.shared().readTree(response.getBody());
	}
}
