package io.retailhub.system.web;

import java.util.List;
import java.util.stream.Stream;

import io.retailhub.sandbox.identity.DemoTokens;
import io.retailhub.sandbox.identity.DemoUser;
import io.retailhub.sandbox.identity.SharedIdentity;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
 * Who may call the system API: only service tokens with the route's scope. The routes are read
 * from Spring MVC's own mapping, so a new endpoint cannot be left out; the webhooks are the one
 * exception (the HMAC signature authenticates them).
 */
@SystemApiIntegrationTest
class ApiSecurityIntegrationTests {

	private static final String WEBHOOKS = "/api/system/v1/webhooks/";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final DemoTokens tokens = SharedIdentity.tokens();

	/** Every API route (method + path with its variables filled in), webhooks aside. */
	private List<Route> apiRoutes() {
		List<Route> routes = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(ApiSecurityIntegrationTests::routes)
			.filter(route -> route.path().startsWith("/api/") && !route.path().startsWith(WEBHOOKS))
			.distinct()
			.toList();
		assertThat(routes).as("the API's routes").hasSizeGreaterThan(15);
		return routes;
	}

	private static Stream<Route> routes(RequestMappingInfo info) {
		List<HttpMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of(HttpMethod.GET)
				: info.getMethodsCondition().getMethods().stream().map(method -> HttpMethod.valueOf(method.name())).toList();
		return info.getPathPatternsCondition()
			.getPatternValues()
			.stream()
			.flatMap(pattern -> methods.stream().map(method -> new Route(method, pattern.replaceAll("\\{[^}]+}", "X1"))));
	}

	private ResponseEntity<String> call(Route route, String token) {
		RestClient.RequestBodySpec request = SystemApiHttp.anonymous("http://localhost:" + this.port)
			.method(route.method())
			.uri(route.path())
			.header("X-Correlation-Id", "security-check");
		if (token != null) {
			request.headers(headers -> headers.setBearerAuth(token));
		}
		if (route.method() == HttpMethod.POST || route.method() == HttpMethod.PATCH) {
			request.contentType(MediaType.APPLICATION_JSON).body("{}");
		}
		return request.retrieve().toEntity(String.class);
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
			JsonNode problem = SystemApiHttp.jsonOf(response);
			assertThat(problem.path("type").asString()).isEqualTo("https://retailhub.io/problems/unauthorized");
			assertThat(problem.path("correlationId").asString()).isEqualTo("security-check");
		}
	}

	@Test
	void answersEveryRouteWithAUserTokenWith403Problem() {
		for (DemoUser user : List.of(DemoUser.find("agent.sam").orElseThrow(),
				DemoUser.find("customer.17100001").orElseThrow(), DemoUser.find("ops.olga").orElseThrow())) {
			String token = this.tokens.userToken(user.username());
			for (Route route : apiRoutes()) {
				ResponseEntity<String> response = call(route, token);

				assertThat(response.getStatusCode().value()).as(user.username() + " " + route).isEqualTo(403);
				assertThat(SystemApiHttp.jsonOf(response).path("type").asString())
					.isEqualTo("https://retailhub.io/problems/forbidden");
			}
		}
	}

	@Test
	void refusesAServiceTokenWithoutTheRoutesScope() {
		// experience-api may read refunds, never create them
		String experience = this.tokens.clientToken("retailhub-experience", "experience-secret");

		ResponseEntity<String> response = call(new Route(HttpMethod.POST, "/api/system/v1/refunds"), experience);

		assertThat(response.getStatusCode().value()).isEqualTo(403);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
		assertThat(SystemApiHttp.jsonOf(response).path("type").asString()).endsWith("/problems/forbidden");
	}

	@Test
	void letsAServiceTokenWithTheRoutesScopeThrough() {
		Route customer = new Route(HttpMethod.GET, "/api/system/v1/customers/17100001");

		assertThat(call(customer, this.tokens.serviceToken("system.customers.read")).getStatusCode().value())
			.isEqualTo(200);
		assertThat(call(customer, this.tokens.serviceToken("system.orders.read")).getStatusCode().value())
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
