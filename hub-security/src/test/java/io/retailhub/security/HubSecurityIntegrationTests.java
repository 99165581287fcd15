package io.retailhub.security;

import java.util.Map;

import io.retailhub.sandbox.identity.DemoTokens;
import io.retailhub.sandbox.identity.SandboxIdentityApplication;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured security of a hub service, against tokens of the real sandbox
 * authorization server: 401 and 403 as problem+json, scope rules, open routes, and the service
 * token on outgoing calls with the acting user passed along.
 */
@SpringBootTest(classes = HubSecurityIntegrationTests.TestService.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class HubSecurityIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ConfigurableApplicationContext IDENTITY = SandboxIdentityApplication.builder()
		.run("--server.port=0");

	private static final String ISSUER = "http://localhost:"
			+ IDENTITY.getEnvironment().getProperty("local.server.port");

	private static final DemoTokens TOKENS = DemoTokens.of(ISSUER);

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.client.registration.retailhub.client-id", () -> "retailhub-cli");
		registry.add("spring.security.oauth2.client.registration.retailhub.client-secret", () -> "cli-secret");
		registry.add("spring.security.oauth2.client.registration.retailhub.authorization-grant-type",
				() -> "client_credentials");
		registry.add("spring.security.oauth2.client.registration.retailhub.scope", () -> "process.returns.read");
		registry.add("spring.security.oauth2.client.provider.retailhub.token-uri", () -> ISSUER + "/oauth2/token");
	}

	@AfterAll
	static void stopIdentity() {
		IDENTITY.close();
	}

	@LocalServerPort
	int port;

	private RestClient client() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	private ResponseEntity<String> get(String path, String token) {
		return client().get().uri(path).headers(headers -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).retrieve().toEntity(String.class);
	}

	@Test
	void answersWithoutATokenWith401ProblemAndBearerChallenge() {
		ResponseEntity<String> response = client().get()
			.uri("/api/test/v1/things")
			.header("X-Correlation-Id", "corr-401")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = JSON.readTree(response.getBody());
		assertThat(problem.get("type").asString()).isEqualTo("https://retailhub.io/problems/unauthorized");
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("correlationId").asString()).isEqualTo("corr-401");
	}

	@Test
	void refusesAForgedTokenWithInvalidTokenChallenge() {
		ResponseEntity<String> response = get("/api/test/v1/things", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
		assertThat(JSON.readTree(response.getBody()).get("type").asString()).endsWith("/problems/unauthorized");
	}

	@Test
	void letsATokenWithTheScopeThrough() {
		ResponseEntity<String> response = get("/api/test/v1/things", TOKENS.serviceToken("system.orders.read"));

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).isEqualTo("things");
	}

	@Test
	void answersATokenWithoutTheScopeWith403Problem() {
		ResponseEntity<String> response = get("/api/test/v1/things", TOKENS.serviceToken("system.refunds.read"));

		assertThat(response.getStatusCode().value()).isEqualTo(403);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
		JsonNode problem = JSON.readTree(response.getBody());
		assertThat(problem.get("type").asString()).isEqualTo("https://retailhub.io/problems/forbidden");
		assertThat(problem.get("status").asInt()).isEqualTo(403);
	}

	@Test
	void answersAUserTokenWith403() {
		ResponseEntity<String> response = get("/api/test/v1/things", TOKENS.userToken("ops.olga"));

		assertThat(response.getStatusCode().value()).isEqualTo(403);
		assertThat(JSON.readTree(response.getBody()).get("type").asString()).endsWith("/problems/forbidden");
	}

	@Test
	void deniesAnApiRouteWithoutARuleEvenWithEveryScope() {
		assertThat(get("/api/test/v1/unruled", TOKENS.serviceToken()).getStatusCode().value()).isEqualTo(403);
		assertThat(get("/api/test/v1/unruled", null).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void keepsOpenRoutesAndProbesOpen() {
		ResponseEntity<String> hook = client().post().uri("/api/test/v1/hook").retrieve().toEntity(String.class);
		assertThat(hook.getStatusCode().value()).isEqualTo(200);
		assertThat(get("/actuator/health", null).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void passesTheActingUserOnlyFromAServiceToken() {
		ResponseEntity<String> fromService = client().get()
			.uri("/api/test/v1/whoami")
			.headers(headers -> headers.setBearerAuth(TOKENS.serviceToken()))
			.header(ActingUser.HEADER, "agent:agent.ava")
			.retrieve()
			.toEntity(String.class);
		assertThat(fromService.getBody()).isEqualTo("agent:agent.ava");

		ResponseEntity<String> malformed = client().get()
			.uri("/api/test/v1/whoami")
			.headers(headers -> headers.setBearerAuth(TOKENS.serviceToken()))
			.header(ActingUser.HEADER, "agent:agent ava; drop")
			.retrieve()
			.toEntity(String.class);
		assertThat(malformed.getBody()).isEqualTo("nobody");
	}

	@Test
	void callsOtherServicesWithItsOwnTokenAndTheActingUser() {
		ResponseEntity<String> response = client().get()
			.uri("/api/test/v1/relay")
			.headers(headers -> headers.setBearerAuth(TOKENS.serviceToken()))
			.header(ActingUser.HEADER, "customer:17100001")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).isEqualTo("relayed customer:17100001");
	}

	@SpringBootApplication
	static class TestService {

		@Bean
		ScopeRules testScopes() {
			return ScopeRules.builder()
				.get("/api/test/v1/things", "system.orders.read")
				.get("/api/test/v1/whoami", "process.returns.read")
				.get("/api/test/v1/relay", "process.returns.read")
				.open(org.springframework.http.HttpMethod.POST, "/api/test/v1/hook")
				.build();
		}

		@RestController
		static class TestController {

			private final ServiceTokenInterceptor serviceTokens;

			@Autowired
			org.springframework.core.env.Environment environment;

			TestController(ServiceTokenInterceptor serviceTokens) {
				this.serviceTokens = serviceTokens;
			}

			@GetMapping("/api/test/v1/things")
			String things() {
				return "things";
			}

			@GetMapping("/api/test/v1/unruled")
			String unruled() {
				return "unruled";
			}

			@PostMapping("/api/test/v1/hook")
			String hook() {
				return "hooked";
			}

			@GetMapping("/api/test/v1/whoami")
			String whoami(HttpServletRequest request) {
				return ActingUser.of(request).orElse("nobody");
			}

			@GetMapping("/api/test/v1/relay")
			String relay() {
				String self = "http://localhost:" + this.environment.getProperty("local.server.port");
				// no Authorization header of its own: the interceptor adds the service's token
				String answer = RestClient.builder()
					.baseUrl(self)
					.requestInterceptor(this.serviceTokens)
					.build()
					.get()
					.uri("/api/test/v1/whoami")
					.retrieve()
					.body(String.class);
				return "relayed " + answer;
			}

		}

	}

}
