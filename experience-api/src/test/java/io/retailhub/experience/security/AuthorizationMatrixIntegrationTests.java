package io.retailhub.experience.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.retailhub.experience.support.ExperienceApiIntegrationTest;
import io.retailhub.experience.support.ExperienceHttp;
import io.retailhub.experience.support.ExperienceHttp.Answer;
import io.retailhub.experience.support.ExperienceWorld;
import io.retailhub.sandbox.identity.DemoTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One test per cell of {@code docs/authorization-matrix.csv}: every caller on every endpoint, over
 * real HTTP to the service that owns the path, with real tokens. The file is the specification;
 * this class only reads it.
 */
@ExperienceApiIntegrationTest
class AuthorizationMatrixIntegrationTests {

	/** Relative to the module's directory, where Maven runs the tests. */
	private static final Path MATRIX = Path.of("..", "docs", "authorization-matrix.csv");

	private static final String ORDER = "WEB-100001";

	private static final String CUSTOMER = "17100001";

	private static final Set<String> FIXED_COLUMNS = Set.of("method", "path", "body");

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TestFactory
	Stream<DynamicNode> everyCallerOnEveryEndpoint() throws IOException {
		List<String> lines = Files.readAllLines(MATRIX).stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();
		List<String> header = List.of(lines.get(0).split(","));
		Map<String, String> tokens = callerTokens(header);
		Map<String, String> placeholders = placeholders(tokens.get("customer"));
		return lines.stream().skip(1).map(line -> {
			List<String> cells = List.of(line.split(",", -1));
			assertThat(cells).as("cells of " + line).hasSize(header.size());
			String method = cells.get(0);
			String path = fill(cells.get(1), placeholders);
			String body = cells.get(2).isEmpty() ? null : cells.get(2);
			List<DynamicTest> tests = new ArrayList<>();
			for (int column = 0; column < header.size(); column++) {
				String caller = header.get(column);
				if (FIXED_COLUMNS.contains(caller)) {
					continue;
				}
				Set<Integer> expected = Arrays.stream(cells.get(column).split("\\|"))
					.map(Integer::valueOf)
					.collect(Collectors.toSet());
				String token = tokens.get(caller);
				tests.add(DynamicTest.dynamicTest(caller + " -> " + cells.get(column), () -> {
					Call call = call(method, path, body, token);
					assertThat(call.status()).as("%s %s as %s: %s", method, path, caller, call.text())
						.isIn(expected);
					if (call.status() >= 400) {
						assertThat(call.contentType()).as("error answers are problem+json")
							.startsWith("application/problem+json");
					}
					if (call.status() == 401) {
						assertThat(call.wwwAuthenticate()).as("401 names the scheme").startsWith("Bearer");
					}
				}));
			}
			return DynamicContainer.dynamicContainer(method + " " + cells.get(1), tests);
		});
	}

	/** A token per caller column; anonymous has none. */
	private Map<String, String> callerTokens(List<String> header) {
		DemoTokens tokens = ExperienceWorld.tokens();
		Map<String, String> byCaller = new LinkedHashMap<>();
		for (String caller : header) {
			String token = switch (caller) {
				case "method", "path", "body", "anonymous" -> null;
				case "customer" -> tokens.userToken("customer.17100001");
				case "customer-other" -> tokens.userToken("customer.17100002");
				case "guest" -> guestToken(tokens);
				case "agent" -> tokens.userToken("agent.ava");
				case "store" -> tokens.userToken("store.nyc");
				case "ops" -> tokens.userToken("ops.olga");
				case "experience-service" -> tokens.clientToken("retailhub-experience", "experience-secret");
				case "process-service" -> tokens.clientToken("retailhub-process", "process-secret");
				default -> throw new IllegalArgumentException("a caller the matrix test does not know: " + caller);
			};
			byCaller.put(caller, token);
		}
		return byCaller;
	}

	private String guestToken(DemoTokens tokens) {
		ExperienceHttp experience = new ExperienceHttp(this.port);
		// the profile panel has a budget: on a busy machine a first call may miss it, so ask until it answers
		String email = await().atMost(Duration.ofSeconds(30))
			.until(() -> experience.get("/api/agent/v1/customers/" + CUSTOMER, tokens.userToken("agent.ava"))
				.json()
				.path("panels")
				.path("profile")
				.path("data")
				.path("email")
				.asString(null), found -> found != null);
		Answer session = experience.post("/api/portal/v1/guest-sessions", null,
				"{\"orderNumber\":\"" + ORDER + "\",\"email\":\"" + email + "\"}");
		assertThat(session.status()).as(session.text()).isEqualTo(200);
		return session.json().get("accessToken").asString();
	}

	/** The objects the rows name: a return of the order, started by its customer, and that return's case. */
	private Map<String, String> placeholders(String customerToken) {
		ExperienceHttp experience = new ExperienceHttp(this.port);
		Answer started = experience.post("/api/portal/v1/returns", customerToken,
				"{\"orderId\":\"" + ORDER + "\",\"lines\":[{\"lineNumber\":\"10\",\"quantity\":1,\"reason\":\"SIZE_TOO_SMALL\"}]}",
				Map.of("Idempotency-Key", "matrix-" + UUID.randomUUID()));
		assertThat(started.status()).as(started.text()).isEqualTo(201);
		String returnId = started.json().get("id").asString();
		// the case exists once the workflow opened it (or the return ended before it needed one)
		String caseId = Awaitility.await()
			.atMost(Duration.ofMinutes(1))
			.until(() -> caseOf(returnId), id -> id != null);
		return Map.of("{order}", ORDER, "{customer}", CUSTOMER, "{return}", returnId, "{case}", caseId);
	}

	private String caseOf(String returnId) {
		JsonNode processReturn = new ExperienceHttp(this.port)
			.get("/api/agent/v1/returns/" + returnId, ExperienceWorld.tokens().userToken("agent.ava"))
			.json();
		JsonNode caseId = processReturn.path("caseId");
		if (caseId.isString() && !caseId.asString().isEmpty()) {
			return caseId.asString();
		}
		String status = processReturn.path("status").asString("");
		// a declined return never gets a case: any well-formed case number then checks the gate alike
		return status.equals("DECLINED") ? "5005g0000000000000" : null;
	}

	private static String fill(String path, Map<String, String> placeholders) {
		String filled = path;
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			filled = filled.replace(placeholder.getKey(), placeholder.getValue());
		}
		assertThat(filled).as("every placeholder of " + path + " is known").doesNotContain("{");
		return filled;
	}

	private Call call(String method, String path, String body, String token) {
		String root = path.startsWith("/api/process/") ? ExperienceWorld.processApiUrl()
				: path.startsWith("/api/system/") ? ExperienceWorld.systemApiUrl() : "http://localhost:" + this.port;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", path.endsWith("/stream") ? "text/event-stream" : "application/json, application/problem+json")
			.header("Idempotency-Key", "matrix-" + UUID.randomUUID())
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			// a stream stays open: the status and headers are what the matrix is about, so read the body only of errors
			HttpResponse<InputStream> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream stream = response.body()) {
				String text = response.statusCode() >= 400 ? new String(stream.readAllBytes()) : "";
				return new Call(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.headers().firstValue("WWW-Authenticate").orElse(""), text);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Call(int status, String contentType, String wwwAuthenticate, String text) {
	}

}
