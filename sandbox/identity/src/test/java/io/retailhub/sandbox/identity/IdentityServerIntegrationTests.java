package io.retailhub.sandbox.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server over real HTTP: discovery, keys, each grant the hub uses and the
 * claims of user tokens, verified against the published keys.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + SandboxIdentityApplication.CONFIG_NAME)
class IdentityServerIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private String issuer() {
		return "http://localhost:" + this.port;
	}

	private JwtDecoder decoder() {
		return JwtDecoders.fromIssuerLocation(issuer());
	}

	@Test
	void publishesDiscoveryAndSigningKeys() throws Exception {
		JsonNode discovery = json(get("/.well-known/openid-configuration"));
		assertThat(discovery.get("issuer").asString()).isEqualTo(issuer());
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo(issuer() + "/oauth2/jwks");
		assertThat(discovery.get("token_endpoint").asString()).isEqualTo(issuer() + "/oauth2/token");

		JsonNode keys = json(get("/oauth2/jwks")).get("keys");
		assertThat(keys).hasSize(1);
		assertThat(keys.get(0).get("kty").asString()).isEqualTo("RSA");
		assertThat(keys.get(0).get("alg").asString()).isEqualTo("RS256");
		assertThat(keys.get(0).has("d")).as("no private part is published").isFalse();
	}

	@Test
	void issuesServiceTokensWithTheClientsScopes() throws Exception {
		HttpResponse<String> response = token("retailhub-process", "process-secret",
				Map.of("grant_type", "client_credentials"));

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt jwt = decoder().decode(json(response).get("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo("retailhub-process");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrderElementsOf(HubClients.SYSTEM_SCOPES);
		assertThat(jwt.hasClaim("roles")).isFalse();
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
	}

	@Test
	void givesTheCliClientEveryServiceScope() throws Exception {
		Jwt jwt = decoder().decode(DemoTokens.of(issuer()).serviceToken());

		assertThat(jwt.getClaimAsStringList("scope")).containsAll(HubClients.SYSTEM_SCOPES)
			.containsAll(HubClients.PROCESS_SCOPES);
	}

	@Test
	void refusesAScopeTheClientMayNotHave() throws Exception {
		HttpResponse<String> response = token("retailhub-experience", "experience-secret",
				Map.of("grant_type", "client_credentials", "scope", "system.refunds.write"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
	}

	@ParameterizedTest
	@MethodSource("demoUsers")
	void issuesUserTokensWithTheirClaimsByTheDemoPasswordGrant(DemoUser user) throws Exception {
		HttpResponse<String> response = token("retailhub-cli", "cli-secret",
				Map.of("grant_type", "password", "username", user.username(), "password", "demo"));

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt jwt = decoder().decode(json(response).get("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo(user.username());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactlyElementsOf(user.roles());
		assertThat(jwt.getClaimAsString("name")).isEqualTo(user.name());
		assertThat(jwt.getClaimAsString("email")).isEqualTo(user.email());
		assertThat(jwt.getClaimAsString("customer_id")).isEqualTo(user.customerId());
		assertThat(jwt.getClaimAsString("store_id")).isEqualTo(user.storeId());
		assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
	}

	static List<DemoUser> demoUsers() {
		return DemoUser.ALL;
	}

	@Test
	void linesCustomersUpWithTheCrmDemoCustomers() throws Exception {
		Jwt jwt = decoder().decode(DemoTokens.of(issuer()).userToken("customer.17100001"));

		assertThat(jwt.getClaimAsString("customer_id")).isEqualTo("17100001");
		assertThat(jwt.getClaimAsString("email")).isEqualTo("anna.hall.0001@example.com");
	}

	@Test
	void refusesAWrongPassword() throws Exception {
		HttpResponse<String> response = token("retailhub-cli", "cli-secret",
				Map.of("grant_type", "password", "username", "agent.ava", "password", "wrong"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void givesUserTokensNoServiceScope() throws Exception {
		HttpResponse<String> response = token("retailhub-cli", "cli-secret", Map.of("grant_type", "password",
				"username", "ops.olga", "password", "demo", "scope", "openid process.deadletters.replay"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void keepsThePasswordGrantToTheCliClient() throws Exception {
		HttpResponse<String> response = token("retailhub-process", "process-secret",
				Map.of("grant_type", "password", "username", "agent.ava", "password", "demo"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("unauthorized_client");
	}

	@Test
	void refusesAWrongClientSecret() throws Exception {
		HttpResponse<String> response = token("retailhub-cli", "nope", Map.of("grant_type", "client_credentials"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void signsInThroughTheAuthorizationCodeFlowWithPkce() throws Exception {
		String verifier = randomUrlSafe(32);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String redirectUri = "http://localhost:8080/signed-in";
		String state = randomUrlSafe(8);
		String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "retailhub-web",
				"scope", "openid profile", "redirect_uri", redirectUri, "state", state, "code_challenge", challenge,
				"code_challenge_method", "S256"));

		// given a browser without a session, sent to the sign-in form
		HttpResponse<String> toLogin = send(HttpRequest.newBuilder(uri(authorize)).header("Accept", "text/html").GET());
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(location(toLogin)).endsWith("/login");
		HttpResponse<String> loginPage = get("/login");
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();

		// when the user signs in
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", "customer.17100002", "password", "demo", "_csrf", csrf.group(1))))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> withCode = send(HttpRequest.newBuilder(URI.create(absolute(location(signedIn)))).GET());

		// then the browser is sent back with a code, which the client exchanges with its verifier
		assertThat(withCode.statusCode()).isEqualTo(302);
		URI callback = URI.create(location(withCode));
		assertThat(callback.toString()).startsWith(redirectUri);
		Map<String, String> query = query(callback);
		assertThat(query).containsEntry("state", state);
		HttpResponse<String> tokens = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
					query.get("code"), "redirect_uri", redirectUri, "client_id", "retailhub-web", "code_verifier",
					verifier)))));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		Jwt jwt = decoder().decode(json(tokens).get("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo("customer.17100002");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("customer");
		assertThat(jwt.getClaimAsString("customer_id")).isEqualTo("17100002");
		assertThat(json(tokens).has("id_token")).isTrue();
	}

	@Test
	void letsTheWebPagesOriginExchangeItsCodeFromTheBrowserAndNoOtherOrigin() throws Exception {
		HttpResponse<String> pages = preflight("/oauth2/token", "http://localhost:8080");
		HttpResponse<String> elsewhere = preflight("/oauth2/token", "http://shop.example");

		assertThat(pages.statusCode()).isEqualTo(200);
		assertThat(pages.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		// and the exchange itself (a form POST, which browsers send without a preflight) answers the pages' origin
		HttpResponse<String> exchange = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Origin", "http://localhost:8080")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=unknown&client_id=retailhub-web"
					+ "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fsigned-in&code_verifier=x")));
		assertThat(exchange.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
	}

	private HttpResponse<String> preflight(String path, String origin) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type"));
	}

	@Test
	void refusesACodeRequestWithoutPkce() throws Exception {
		String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "retailhub-web",
				"scope", "openid", "redirect_uri", "http://localhost:8080/signed-in"));

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(authorize)).GET());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).contains("error=invalid_request");
	}

	private HttpResponse<String> token(String clientId, String secret, Map<String, String> parameters)
			throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(issuer() + path);
	}

	private String absolute(String location) {
		return location.startsWith("http") ? location : issuer() + location;
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static String form(Map<String, String> parameters) {
		return new LinkedHashMap<>(parameters).entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			parameters.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
