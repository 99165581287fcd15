package io.retailhub.process.platform.security;

import java.util.List;
import java.util.stream.Stream;

import io.retailhub.process.support.ProcessApiIntegrationTest;
import io.retailhub.sandbox.identity.DemoTokens;
import io.retailhub.sandbox.identity.SharedIdentity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the process API: only service tokens with the route's scope. The routes are read
 * from Spring MVC's own mapping, so a new endpoint cannot be left out.
 */
@ProcessApiIntegrationTest
class ApiSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final DemoTokens tokens = SharedIdentity.tokens();

	/** Every API route (method + path with its variables filled in). */
	private List<Route> apiRoutes() {
		List<Route> routes = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(ApiSecurityIntegrationTests::routes)
			.filter(route -> route.path().startsWith("/api/"))
			.distinct()
			.toList();
		assertThat(routes).as("the API's routes").hasSizeGreaterThan(7);
		return routes;
	}

	private static Stream<Route> routes(RequestMappingInfo info) {
		List<HttpMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of(HttpMethod.GET)
				: info.getMethodsCondition().getMethods().stream().map(method -> HttpMethod.valueOf(method.name())).toList();
		return info.getPathPatternsCondition()
			.getPatternValues()
			.stream()
			.flatMap(pattern -> methods.stream()
				.map(method -> new Route(method, pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001"))));
	}

	private ResponseEntity<String> call(Route route, String token) {
		RestClient.RequestBodySpec request = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(status -> true, (req, res) -> {
			})
			.build()
			.method(route.method())
			.uri(route.path())
			.header("X-Correlation-Id", "security-check");
		if (token != null) {
			request.headers(headers -> headers.setBearerAuth(token));
		}
		if (route.method() == HttpMethod.POST || route.method() == HttpMethod.PATCH
				|| route.method() == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).body("{}");
		}
		return request.retrieve().toEntity(String.class);
	}

	private static JsonNode json(ResponseEntity<String> response) {
		return JsonMapper.shared().readTree(response.getBody());
	}

	@Test
	void answersEveryRouteWithoutATokenWith401Problem() {
		for (Route route : apiRoutes()) {
			ResponseEntity<String> response = call(route, null);

			assertThat(response.getStatusCode().value()).as(route.toString()).isEqualTo(401);
			assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(route.toString())
				.startsWith("Bearer");
			assertThat(response.getHeaders().getContentType()).as(route.toString())
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			JsonNode problem = json(response);
			assertThat(problem.path("type").asString()).isEqualTo("https://retailhub.io/problems/unauthorized");
			assertThat(problem.path("correlationId").asString()).isEqualTo("security-check");
		}
	}

	@Test
	void answersEveryRouteWithAUserTokenWith403Problem() {
		for (String user : List.of("agent.ava", "customer.17100002", "store.nyc", "ops.olga")) {
			String token = this.tokens.userToken(user);
			for (Route route : apiRoutes()) {
				ResponseEntity<String> response = call(route, token);

				assertThat(response.getStatusCode().value()).as(user + " " + route).isEqualTo(403);
				assertThat(json(response).path("type").asString()).isEqualTo("https://retailhub.io/problems/forbidden");
			}
		}
	}

	@Test
	void refusesAServiceTokenWithoutTheRoutesScope() {
		String readOnly = this.tokens.serviceToken("process.returns.read process.deadletters.read");

		ResponseEntity<String> create = call(new Route(HttpMethod.POST, "/api/process/v1/returns"), readOnly);
		ResponseEntity<String> replay = call(
				new Route(HttpMethod.POST, "/api/process/v1/dead-letters/00000000-0000-0000-0000-000000000001/replay"),
				readOnly);

		assertThat(create.getStatusCode().value()).isEqualTo(403);
		assertThat(create.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
		assertThat(replay.getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void letsAServiceTokenWithTheRoutesScopeThrough() {
		Route deadLetters = new Route(HttpMethod.GET, "/api/process/v1/dead-letters");

		assertThat(call(deadLetters, this.tokens.serviceToken("process.deadletters.read")).getStatusCode().value())
			.isEqualTo(200);
		assertThat(call(deadLetters, this.tokens.serviceToken("process.returns.read")).getStatusCode().value())
			.isEqualTo(403);
	}

	@Test
	void keepsProbesOpen() {
		for (String probe : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus")) {
			assertThat(call(new Route(HttpMethod.GET, probe), null).getStatusCode().value()).as(probe).isEqualTo(200);
		}
	}

	record Route(HttpMethod method, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}
	}

}
